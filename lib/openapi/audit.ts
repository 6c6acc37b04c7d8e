// OpenAPI description of the audit trail endpoint (DESIGN.md §6 audit event fields).
import { jsonResponse, projectIdParam, standardErrors, type Paths } from "./shared";

export const auditSchemas = {
  AuditEvent: {
    type: "object",
    required: ["id", "at", "actor", "action", "objectType", "objectId", "hash", "previousHash"],
    properties: {
      id: { type: "string", format: "uuid" },
      seq: { type: "integer", description: "Position in the global hash chain." },
      at: { type: "string", format: "date-time" },
      actor: {
        type: ["object", "null"],
        description: "Null for events written by the system.",
        properties: { id: { type: ["string", "null"] }, email: { type: ["string", "null"] } },
      },
      actorRole: { type: ["string", "null"] },
      action: { type: "string", examples: ["gate.submit"] },
      objectType: { type: "string", examples: ["gate"] },
      objectId: { type: "string" },
      projectId: { type: ["string", "null"] },
      before: { description: "The object's relevant fields before the change (any JSON)." },
      after: { description: "The object's relevant fields after the change (any JSON)." },
      ip: { type: ["string", "null"], description: "Only for readers who see vendor-internal fields." },
      userAgent: { type: ["string", "null"], description: "Only for readers who see vendor-internal fields." },
      hash: { type: "string", description: "SHA-256 over the previous hash and the event's canonical content." },
      previousHash: { type: "string" },
      withheld: {
        type: "array",
        items: { type: "string" },
        description:
          "Paths of fields withheld from this reader: client accounts, integrators and board-only members do not see vendor-internal notes, cost or amount figures, IP addresses or user agents. Such an event cannot be re-hashed by that reader.",
      },
    },
  },
};

const filter = (name: string, description: string, schema: unknown = { type: "string" }) => ({
  name,
  in: "query",
  description,
  schema,
});

export const auditPaths: Paths = {
  "/api/v1/projects/{id}/audit": {
    get: {
      summary: "The project's audit events, newest first",
      description:
        "Every state change of the project, hash-chained. Visible to everyone who can see the project; vendor-internal fields are withheld from client accounts.",
      parameters: [
        projectIdParam,
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        filter("cursor", "The `nextCursor` of the previous page."),
        filter("action", "An action (`gate.submit`) or a family of actions (`gate` matches `gate.*`)."),
        filter("actor", "An actor's id or email."),
        filter("objectType", "Object type, e.g. `gate`, `artifact`, `sprint`."),
        filter("from", "First day (UTC), inclusive.", { type: "string", format: "date" }),
        filter("to", "Last day (UTC), inclusive.", { type: "string", format: "date" }),
        filter(
          "q",
          "Free-text search: a person's name or email, an action, an object's title (client accounts: not the withheld values).",
        ),
      ],
      responses: {
        "200": jsonResponse("A page of audit events", {
          type: "object",
          required: ["items", "nextCursor"],
          properties: {
            items: { type: "array", items: { $ref: "#/components/schemas/AuditEvent" } },
            nextCursor: { type: ["string", "null"] },
          },
        }),
        ...standardErrors,
        "422": {
          description: "Invalid filter, limit or cursor",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
    },
  },
};
