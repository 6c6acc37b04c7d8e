// Building blocks for the OpenAPI 3.1 document; each capability describes its paths in its own file.
export type PathItem = Record<string, unknown>;
export type Paths = Record<string, PathItem>;

export const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

export const jsonBody = (schema: unknown, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema } },
});

export const jsonResponse = (description: string, schema: unknown) => ({
  description,
  content: { "application/json": { schema } },
});

export const projectIdParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };

/** The usual error responses of an authenticated endpoint. */
export const standardErrors = {
  "401": problem("Not authenticated"),
  "403": problem(
    "Not allowed; `password_change_required` while the account must still replace a password an administrator set",
  ),
  "404": problem("Unknown or not visible to this user"),
};
export const writeErrors = {
  ...standardErrors,
  "409": problem("Refused by a workflow rule or a stale version"),
  "422": problem("Invalid input, with per-field `errors`"),
};
