import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

describe("OpenAPI: audit trail", () => {
  const doc = openApiDocument();

  it("describes GET /api/v1/projects/{id}/audit with paging and filters", () => {
    const get = (
      doc.paths as unknown as Record<
        string,
        { get?: { parameters: { name: string }[]; responses: Record<string, unknown> } }
      >
    )["/api/v1/projects/{id}/audit"]?.get;
    expect(get).toBeDefined();
    expect(get!.parameters.map((p) => p.name)).toEqual([
      "id",
      "limit",
      "cursor",
      "action",
      "actor",
      "objectType",
      "from",
      "to",
      "q",
    ]);
    expect(Object.keys(get!.responses)).toEqual(expect.arrayContaining(["200", "401", "403", "404", "422"]));
  });

  it("names the audit event fields integrators rely on (DESIGN.md §6)", () => {
    const schema = (
      doc.components.schemas as unknown as Record<string, { required: string[]; properties: Record<string, unknown> }>
    ).AuditEvent;
    for (const field of ["id", "at", "actor", "action", "objectType", "objectId", "hash", "previousHash"]) {
      expect(schema.required).toContain(field);
      expect(schema.properties).toHaveProperty(field);
    }
  });
});
