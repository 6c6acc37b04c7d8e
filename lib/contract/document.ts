// The OpenAPI 3.1 document of API v1, generated from the operations' zod schemas (zod-openapi):
// what a route validates and answers is what the document says, by construction.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import type { ErrorStatus, Operation } from "./operation";
import { operations } from "./registry";
import { webhookPayloads } from "./webhooks";

export const Problem = z
  .object({
    type: z.string(),
    status: z.number().int(),
    title: z.string(),
    detail: z.string().meta({ description: "What went wrong, in a person's words." }),
    code: z.string().meta({ description: "A stable machine code, e.g. `stale_version` or `gate_missing_artifacts`." }),
    errors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: "422: the message of each invalid field, by field name." }),
    missing: z.array(z.unknown()).optional().meta({ description: "409: what a workflow step still needs." }),
  })
  .meta({ id: "Problem", description: "application/problem+json (RFC 9457)" });

const ERROR_MEANING: Record<401 | ErrorStatus, string> = {
  401: "Not signed in, or the API token is invalid or revoked",
  403: "Not allowed; `password_change_required` while the account must still replace a password an administrator set",
  404: "Unknown, or not visible to this account",
  409: "Refused by a workflow rule (with `missing` where it applies), or `stale_version`",
  413: "The upload is larger than allowed",
  415: "This type of file is not accepted",
  422: "Invalid input, with each field's message in `errors`",
  429: "Too many attempts; try again later",
};

function errorResponses(op: Operation) {
  const statuses = new Set<401 | ErrorStatus>([401, ...(op.errors ?? [])]);
  if (op.path.includes("{")) statuses.add(404);
  if (op.params || op.query || op.body || op.form) statuses.add(422);
  return Object.fromEntries(
    [...statuses]
      .sort()
      .map((status) => [
        String(status),
        { description: ERROR_MEANING[status], content: { "application/problem+json": { schema: Problem } } },
      ]),
  );
}

function openApiOperation(op: Operation): ZodOpenApiOperationObject {
  const { success } = op;
  const content = success.schema
    ? { "application/json": { schema: success.schema } }
    : success.mediaType
      ? { [success.mediaType]: { schema: z.string().meta({ format: "binary" }) } }
      : undefined;
  return {
    operationId: op.id,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    requestParams: { ...(op.params ? { path: op.params } : {}), ...(op.query ? { query: op.query } : {}) },
    ...(op.body || op.form
      ? {
          requestBody: {
            required: true,
            content: {
              ...(op.body ? { "application/json": { schema: op.body } } : {}),
              ...(op.form ? { "multipart/form-data": { schema: op.form } } : {}),
            },
          },
        }
      : {}),
    responses: {
      [String(success.status)]: { description: success.description, ...(content ? { content } : {}) },
      ...errorResponses(op),
    },
  };
}

function paths(all: Operation[]): ZodOpenApiPathsObject {
  const out: ZodOpenApiPathsObject = {};
  for (const op of all) out[op.path] = { ...out[op.path], [op.method]: openApiOperation(op) };
  return out;
}

let generated: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  generated ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Lightgate API",
      version: "1.0.0",
      description:
        "Rollout governance for SaaS billing implementations. Authenticate with the session cookie or " +
        "`Authorization: Bearer <token>` (personal API tokens from Settings or `npm run token -- <email>`). " +
        "Errors are application/problem+json with a stable `code`. Lists are paged: pass the answer's " +
        "`nextCursor` as `cursor` for the next page. An account whose password an administrator set is " +
        "answered 403 `password_change_required` on every operation until its person chose their own password.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    paths: paths(operations),
    // What Lightgate POSTs to a registered endpoint, per event type (OpenAPI 3.1 `webhooks`).
    webhooks: webhookPayloads(),
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer" },
        cookieAuth: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
    },
  });
  return generated;
}
