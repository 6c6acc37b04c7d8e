// The guard of the public HTTP API: authenticate (bearer token or session cookie) → validate →
// run, and every failure as application/problem+json with a stable code.
import { z } from "zod";
import { getDb } from "@/db/client";
import type { RequestContext } from "@/lib/audit";
import { checkAnswer } from "@/lib/contract/answer-check";
import type { AnswerOf, BodyOf, Operation, ParamsOf, QueryOf } from "@/lib/contract/operation";
import { accountForToken } from "@/lib/data/tokens";
import { assertContentLength } from "@/lib/data/uploads";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, toProblem } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/guard";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";
import { wordsFor, type Words } from "@/lib/refusal-words";
import { clientIp, userAgent } from "@/lib/request";
import { currentAccount } from "@/lib/session";
import { parseIn } from "@/lib/validation/in-language";

/**
 * The language of an API answer's words: chosen from the request itself (the switch's cookie, else
 * Accept-Language, else English) as the downloads do, so a route handler called directly (tests,
 * scripts) answers the same as through the server.
 */
export function apiWords(request: Request): Promise<Words> {
  return wordsFor(localeOfRequest(request));
}

/** A problem+json answer; `title` and `detail` in the given words (English without them). */
export function problemResponse(error: unknown, words: Words | null = null): Response {
  const { status, body } = toProblem(error, words);
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
  });
}

/** An account whose password an administrator set reaches nothing until its person chose their own. */
function usableActor(account: { actor: Actor; mustChangePassword: boolean; mustEnrolTwoFactor?: boolean }): Actor {
  if (account.mustChangePassword) {
    throw new AppError(
      "forbidden",
      "Choose your own password first: sign in to Lightgate in a browser to set it.",
      "password_change_required",
      undefined,
      { problem: "passwordChangeRequired" },
    );
  }
  if (account.mustEnrolTwoFactor) {
    throw new AppError(
      "forbidden",
      "Set up two-factor sign-in first: sign in to Lightgate in a browser to set it up.",
      "two_factor_setup_required",
      undefined,
      { problem: "twoFactorSetupRequired" },
    );
  }
  return account.actor;
}

async function apiActor(request: Request): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const account = match ? await accountForToken(getDb(), match[1]) : null;
    if (!account) {
      throw new AppError(
        "unauthenticated",
        "The API token is invalid or has been revoked.",
        "invalid_token",
        undefined,
        {
          problem: "invalidToken",
        },
      );
    }
    return usableActor(account);
  }
  const account = await currentAccount();
  if (!account) {
    throw new AppError(
      "unauthenticated",
      "Sign in or send an API token as 'Authorization: Bearer <token>'.",
      undefined,
      undefined,
      { problem: "signInOrToken" },
    );
  }
  const actor = usableActor(account);
  // A cookie-authenticated write must come from our own pages.
  const origin = request.headers.get("origin");
  if (request.method !== "GET" && request.method !== "HEAD" && origin) {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (!host || new URL(origin).host !== host) {
      throw new AppError("forbidden", "Cross-site request refused.", undefined, undefined, { problem: "crossSite" });
    }
  }
  return actor;
}

/**
 * The session row the request was made with, for "this session": null with a bearer token, which
 * authenticates no session (lib/data/sessions.ts).
 */
export async function requestSessionId(request: Request): Promise<string | null> {
  if (request.headers.get("authorization")) return null;
  return (await currentAccount())?.sessionId ?? null;
}

type Handler<P> = (request: Request, ctx: RequestContext, params: P, words: Words) => Promise<unknown> | unknown;

/** Wraps a route handler: authenticated context in, JSON or problem+json out. */
function apiRoute<P extends Record<string, string> = Record<string, never>>(run: Handler<P>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    const words = await apiWords(request);
    try {
      const actor = await apiActor(request);
      const ctx: RequestContext = { actor, ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
      const result = await run(request, ctx, await route.params, words);
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return problemResponse(error, words);
    }
  };
}

/** What a handler is given: the request, who asks, and its input bound and validated by its operation. */
export type Call<O extends Operation> = {
  request: Request;
  ctx: RequestContext;
  params: ParamsOf<O>;
  query: QueryOf<O>;
  body: BodyOf<O>;
};

/** A JSON answer with headers of its own (a 201's Location). */
export class Answer<T> {
  constructor(
    readonly body: T,
    readonly headers: Record<string, string>,
  ) {}
}

/**
 * The route handler of a declared operation: binds and validates its path parameters, query and
 * body (422 naming each invalid field), runs, and answers its declared success status. A handler
 * may answer a `Response` of its own for non-JSON answers (files, CSV, iCalendar, Markdown).
 */
export function route<O extends Operation>(
  op: O,
  run: (call: Call<O>) => Promise<AnswerOf<O> | Answer<AnswerOf<O>> | Response>,
) {
  return apiRoute<Record<string, string>>(async (request, ctx, rawParams, words) => {
    const params = op.params ? validate(op.params, rawParams, words) : {};
    const query = op.query ? validate(op.query, queryObject(request), words) : {};
    const body = await readBody(request, op, words);
    const result = await run({ request, ctx, params, query, body } as Call<O>);
    if (result instanceof Response) return result;
    const answer = result instanceof Answer ? result : new Answer(result, {});
    if (op.success.status === 204) return new Response(null, { status: 204, headers: answer.headers });
    checkAnswer(op, answer.body);
    return Response.json(answer.body, {
      status: op.success.status,
      headers: { "cache-control": "no-store", ...answer.headers },
    });
  });
}

/** Query parameters as an object; a repeated name becomes an array. */
function queryObject(request: Request): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

async function readBody(request: Request, op: Operation, words: Words): Promise<unknown> {
  if (op.form) {
    const form = await readMultipart(request);
    if (form) return validate(op.form, formObject(form), words);
    if (!op.body) {
      throw new AppError(
        "unsupported_media_type",
        "Send the file as multipart/form-data.",
        "multipart_required",
        undefined,
        {
          problem: "multipartRequired",
        },
      );
    }
  }
  return op.body ? await readJson(request, op.body, words) : undefined;
}

/** Multipart fields as an object: files stay File, a repeated name becomes an array. */
function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** Parses and validates a JSON body: 422 with per-field errors when it does not fit. */
async function readJson<S extends z.ZodType>(request: Request, schema: S, words: Words): Promise<z.infer<S>> {
  let body: unknown = {};
  const text = await request.text();
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("invalid_input", "The request body is not valid JSON.", "invalid_json", undefined, {
        problem: "invalidJson",
      });
    }
  }
  return validate(schema, body, words);
}

/** Validates in the caller's language: zod's own messages and the schemas' custom ones (422 per field). */
function validate<S extends z.ZodType>(schema: S, value: unknown, words: Words): z.infer<S> {
  const parsed = parseIn(schema, value, words.validation);
  if (!parsed.success) {
    throw new AppError(
      "invalid_input",
      "Some fields are invalid.",
      "invalid_input",
      { fieldErrors: fieldErrorsOf(parsed.error) },
      { problem: "invalidFields" },
    );
  }
  return parsed.data;
}

/** A multipart body (its declared size checked before reading), or null when the body is not multipart. */
async function readMultipart(request: Request): Promise<FormData | null> {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return null;
  assertContentLength(request.headers.get("content-length"));
  return request.formData().catch(() => {
    throw new AppError("invalid_input", "The multipart body could not be read.", "invalid_multipart", undefined, {
      problem: "invalidMultipart",
    });
  });
}
