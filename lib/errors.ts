import type { Refusal, RefusalKind } from "@/lib/domain/refusal";

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

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** A finer, stable machine code (e.g. "gate_missing_artifacts"). */
    readonly reason?: string,
    readonly details?: { fieldErrors?: Record<string, string[]>; missing?: unknown[] },
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

export const notFound = (what = "This item") =>
  new AppError("not_found", `${what} does not exist or is not visible to you.`);
export const forbidden = (message = "You are not allowed to do this.") => new AppError("forbidden", message);
/** 409: the object changed since the caller read it ("this sprint", "the acceptance"…). */
export const staleVersion = (what = "this") =>
  new AppError(
    "stale_version",
    `Someone else changed ${what} in the meantime. Reload to see the latest version and try again.`,
    "stale_version",
  );

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
  return new AppError(REFUSAL_CODES[refusal.kind ?? "rule"], refusal.message, refusal.code, details);
}

/** Throws the AppError of a refusal: `if (!outcome.ok) refused(outcome.refusal)`. */
export function refused(refusal: Refusal): never {
  throw refusalError(refusal);
}

/** Problem+json body for an error; unknown errors are logged and answered generically. */
export function toProblem(error: unknown): { status: number; body: Record<string, unknown> } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: {
        type: "about:blank",
        status: error.status,
        title: error.title,
        detail: error.message,
        code: error.reason ?? error.code,
        ...(error.details?.fieldErrors ? { errors: error.details.fieldErrors } : {}),
        ...(error.details?.missing ? { missing: error.details.missing } : {}),
      },
    };
  }
  console.error(error);
  return {
    status: 500,
    body: {
      type: "about:blank",
      status: 500,
      title: TITLES.internal,
      detail: "An unexpected error occurred. It has been logged.",
      code: "internal",
    },
  };
}
