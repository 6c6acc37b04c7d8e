// Integration tests of the HTTP API: call a route handler as Next would, with a real API token of a
// real account on the test's migrated database, and hold the answer to the contract twice: to the
// operation's zod schema, and to the generated OpenAPI document (what an integrator reads).
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { type Db, setAppDatabase } from "@/db/client";
import { openApiDocument } from "@/lib/contract/document";
import type { Operation } from "@/lib/contract/operation";
import { createApiToken } from "@/lib/data/tokens";
import type { Actor } from "@/lib/domain/permissions";
import { ctxFor } from "./fixtures";

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type ApiCall = {
  /** Who calls: their own API token is made on first use. */
  as: Actor;
  params?: Record<string, string>;
  query?: Record<string, string | number | string[]>;
  /** A JSON body, or FormData for a multipart upload. */
  body?: unknown;
  /** More request headers, e.g. `accept-language` to ask for the answer's words in a language. */
  headers?: Record<string, string>;
};

export type ApiAnswer = { status: number; body: unknown; response: Response };

let ajv: Ajv2020 | null = null;

/** The document's own JSON Schema for an operation's success answer, compiled once. */
function documentValidator(op: Operation) {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(openApiDocument(), "openapi");
  }
  const path = op.path.replaceAll("~", "~0").replaceAll("/", "~1");
  const pointer = `/paths/${path}/${op.method}/responses/${op.success.status}/content/application~1json/schema`;
  const validate = ajv.getSchema(`openapi#${pointer}`);
  if (!validate) throw new Error(`The document has no JSON answer for ${op.id}`);
  return validate;
}

/**
 * A client of the API for one test database: `api.call(handler, op, { as, params, body })` answers
 * the status and parsed body; a 2xx answer has already been checked against both contracts.
 */
export function apiClient(db: Db) {
  setAppDatabase(db);
  const tokens = new Map<string, string>();

  async function tokenOf(actor: Actor): Promise<string> {
    let token = tokens.get(actor.id);
    if (!token) {
      token = (await createApiToken(db, ctxFor(actor), "integration test")).token;
      tokens.set(actor.id, token);
    }
    return token;
  }

  async function call(handler: Handler, op: Operation, input: ApiCall): Promise<ApiAnswer> {
    const params = input.params ?? {};
    const url = new URL(
      op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`),
      "http://localhost",
    );
    for (const [key, value] of Object.entries(input.query ?? {})) {
      for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(one));
    }
    const headers = new Headers({ ...input.headers, authorization: `Bearer ${await tokenOf(input.as)}` });
    let body: BodyInit | undefined;
    if (input.body instanceof FormData) body = input.body;
    else if (input.body !== undefined) {
      body = JSON.stringify(input.body);
      headers.set("content-type", "application/json");
    }
    const response = await handler(new Request(url, { method: op.method.toUpperCase(), headers, body }), {
      params: Promise.resolve(params),
    });
    const text = await response.clone().text();
    const type = response.headers.get("content-type") ?? "";
    const parsed: unknown = type.includes("json") && text ? JSON.parse(text) : text;
    if (response.status === op.success.status && op.success.schema) {
      op.success.schema.parse(parsed);
      const validate = documentValidator(op);
      expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    }
    return { status: response.status, body: parsed, response };
  }

  return { call };
}
