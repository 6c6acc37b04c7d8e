import type { Finding, Refusal, RefusalKind, RefusalParams } from "@/lib/domain/refusal";
import { isProblemKey, problemSentence, type ProblemKey, refusalSentence, type Words } from "@/lib/refusal-words";

/** The closed set of error codes the app and the API speak, with their HTTP status. */
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  rule_refused: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_input: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  unauthenticated: "Authentication required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  stale_version: "Changed by someone else",
  rule_refused: "Refused by a workflow rule",
  payload_too_large: "Upload too large",
  unsupported_media_type: "Unsupported file type",
  invalid_input: "Invalid input",
  rate_limited: "Too many attempts",
  internal: "Something went wrong",
};

/** The title of each code in the catalogue (messages/<locale>/refusals.json, namespace `problems`). */
const TITLE_KEYS: Record<ErrorCode, ProblemKey> = {
  unauthenticated: "titleUnauthenticated",
  forbidden: "titleForbidden",
  not_found: "titleNotFound",
  conflict: "titleConflict",
  stale_version: "titleStaleVersion",
  rule_refused: "titleRuleRefused",
  payload_too_large: "titlePayloadTooLarge",
  unsupported_media_type: "titleUnsupportedMediaType",
  invalid_input: "titleInvalidInput",
  rate_limited: "titleRateLimited",
  internal: "titleInternal",
};

/**
 * What lets an error's message be said in another language: the domain refusal it came from, or
 * one of the generic sentences of the `problems` namespace. Without it the message stays English.
 */
export type Saying = (
  | { refusal: Pick<Refusal, "code" | "variant" | "params" | "message"> }
  | { problem: ProblemKey; params?: RefusalParams }
) & {
  /**
   * The problem key of each field message that is not the error's own sentence (a field error
   * repeating the message is said like it); said with the same params.
   */
  fields?: Record<string, ProblemKey>;
  /** Several findings on one field, each with its own key and values, in the order of its messages. */
  findings?: Record<string, Finding[]>;
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** A finer, stable machine code (e.g. "gate_missing_artifacts"). */
    readonly reason?: string,
    readonly details?: { fieldErrors?: Record<string, string[]>; missing?: unknown[] },
    readonly saying?: Saying,
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  get title(): string {
    return TITLES[this.code];
  }
}

/**
 * The objects a 404 names, by their English phrase: the catalogue says each in the reader's
 * language (`thing`, an ICU select), so a Spanish or Polish sentence never carries English words.
 */
export const NOT_FOUND_THINGS = {
  "This item": "item",
  "This account": "account",
  "The go-live acceptance": "acceptance",
  "This policy": "policy",
  "This policy version": "policyVersion",
  "This policy's versions": "policyVersions",
  "This escalation": "escalation",
  "This system": "system",
  "This interface": "interface",
  "This token": "token",
  "This sprint": "sprint",
  "This release": "release",
  "This member": "member",
  "This project": "project",
  "This artifact": "artifact",
  "This status report": "statusReport",
  "This guardian": "guardian",
  "This file": "file",
  "This rule": "rule",
  "This condition": "condition",
  "This training session": "trainingSession",
  "This scope item": "scopeItem",
  "This activity": "activity",
  "This material": "material",
  "This migration wave": "migrationWave",
  "This validation run": "validationRun",
  "This payment milestone": "paymentMilestone",
  "This quality level": "qualityLevel",
} as const;
export type NotFoundWhat = keyof typeof NOT_FOUND_THINGS | `Gate ${number}`;

function notFoundThing(what: NotFoundWhat): RefusalParams {
  const gate = /^Gate (\d+)$/.exec(what);
  if (gate) return { thing: "gate", number: Number(gate[1]) };
  return { thing: NOT_FOUND_THINGS[what as keyof typeof NOT_FOUND_THINGS] ?? "item" };
}

export const notFound = (what: NotFoundWhat = "This item") =>
  new AppError("not_found", `${what} does not exist or is not visible to you.`, undefined, undefined, {
    problem: "notFound",
    params: { what, ...notFoundThing(what) },
  });
const NOT_ALLOWED = "You are not allowed to do this.";
/** 403; a message of its own comes with its saying, so it can be said in the reader's language. */
export const forbidden = (message = NOT_ALLOWED, saying?: Saying) =>
  new AppError("forbidden", message, undefined, undefined, message === NOT_ALLOWED ? { problem: "forbidden" } : saying);
/** 409: the object changed since the caller read it ("this sprint", "the acceptance"…). */
export const staleVersion = (what: StaleWhat = "this") =>
  new AppError(
    "stale_version",
    `Someone else changed ${what} in the meantime. Reload to see the latest version and try again.`,
    "stale_version",
    undefined,
    { problem: "staleVersion", params: { what, thing: STALE_THINGS[what] } },
  );

/** The objects a 409 stale_version names, by their English phrase (said like NOT_FOUND_THINGS). */
export const STALE_THINGS = {
  this: "item",
  "this artifact": "artifact",
  "this guardian": "guardian",
  "this sprint": "sprint",
  "this item": "scopeItem",
  "this escalation": "escalation",
  "this project": "project",
  "this run": "validationRun",
  "this milestone": "paymentMilestone",
  "this gate": "gateThis",
  "the acceptance": "acceptance",
} as const;
export type StaleWhat = keyof typeof STALE_THINGS;

const REFUSAL_CODES: Record<RefusalKind, ErrorCode> = {
  rule: "rule_refused",
  forbidden: "forbidden",
  input: "invalid_input",
  stale: "stale_version",
};

/**
 * The one mapping of a domain refusal to an AppError: its kind decides the HTTP status (409 for a
 * workflow rule, 403 for who-may, 422 for input to correct), its code is the problem+json `code`.
 */
export function refusalError(refusal: Refusal): AppError {
  const details =
    refusal.fieldErrors || refusal.missing
      ? {
          ...(refusal.fieldErrors ? { fieldErrors: refusal.fieldErrors } : {}),
          ...(refusal.missing ? { missing: refusal.missing } : {}),
        }
      : undefined;
  return new AppError(REFUSAL_CODES[refusal.kind ?? "rule"], refusal.message, refusal.code, details, {
    refusal,
    ...(refusal.findings ? { findings: refusal.findings } : {}),
  });
}

/** Throws the AppError of a refusal: `if (!outcome.ok) refused(outcome.refusal)`. */
export function refused(refusal: Refusal): never {
  throw refusalError(refusal);
}

/** An error's message in these words (the reader's language); English, and anything unknown, as thrown. */
export function messageIn(error: AppError, words: Words | null): string {
  const saying = error.saying;
  if (!words || !saying) return error.message;
  if ("refusal" in saying) return refusalSentence(words, saying.refusal);
  return problemSentence(words, saying.problem, error.message, saying.params);
}

/**
 * The per-field messages in these words: a field error that repeats the error's own sentence is
 * said like it, one the saying names a key for (`fields`) is said from the catalogue; the others
 * (zod's, already in the reader's language) stay as they are. Field NAMES never change.
 */
export function fieldErrorsIn(error: AppError, words: Words | null): Record<string, string[]> | undefined {
  const fields = error.details?.fieldErrors;
  if (!fields || !words || words.locale === "en") return fields;
  const said = messageIn(error, words);
  return Object.fromEntries(
    Object.entries(fields).map(([field, messages]) => [
      field,
      messages.map((message, index) =>
        message === error.message ? said : fieldSentence(error, field, index, message, words),
      ),
    ]),
  );
}

function fieldSentence(error: AppError, field: string, index: number, message: string, words: Words): string {
  const finding = error.saying?.findings?.[field]?.[index];
  if (finding)
    return isProblemKey(finding.key) ? problemSentence(words, finding.key, message, finding.params) : message;
  const key = error.saying?.fields?.[field];
  if (!key) return message;
  const params = error.saying && "problem" in error.saying ? error.saying.params : error.saying?.refusal.params;
  return problemSentence(words, key, message, params);
}

/**
 * Problem+json body for an error, `title` and `detail` in the given words (English without them);
 * `type`, `code`, `status`, the field names of `errors` and `missing` stay language-neutral.
 * Unknown errors are logged and answered generically.
 */
export function toProblem(
  error: unknown,
  words: Words | null = null,
): { status: number; body: Record<string, unknown> } {
  if (error instanceof AppError) {
    const fieldErrors = fieldErrorsIn(error, words);
    return {
      status: error.status,
      body: {
        type: "about:blank",
        status: error.status,
        title: words ? problemSentence(words, TITLE_KEYS[error.code], error.title) : error.title,
        detail: messageIn(error, words),
        code: error.reason ?? error.code,
        ...(fieldErrors ? { errors: fieldErrors } : {}),
        ...(error.details?.missing ? { missing: error.details.missing } : {}),
      },
    };
  }
  console.error(error);
  const detail = "An unexpected error occurred. It has been logged.";
  return {
    status: 500,
    body: {
      type: "about:blank",
      status: 500,
      title: words ? problemSentence(words, "titleInternal", TITLES.internal) : TITLES.internal,
      detail: words ? problemSentence(words, "internal", detail) : detail,
      code: "internal",
    },
  };
}
