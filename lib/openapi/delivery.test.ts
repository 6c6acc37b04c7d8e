import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

type Operation = { parameters?: { name: string }[]; responses: Record<string, unknown>; requestBody?: unknown };

describe("OpenAPI: delivery", () => {
  const paths = openApiDocument().paths as unknown as Record<string, Record<string, Operation>>;

  it.each([
    ["/api/v1/projects/{id}/sprints", "get"],
    ["/api/v1/projects/{id}/sprints", "post"],
    ["/api/v1/projects/{id}/sprints/{sprintId}/acceptance", "post"],
    ["/api/v1/projects/{id}/scope-items", "get"],
    ["/api/v1/projects/{id}/scope-items/{scopeItemId}", "patch"],
    ["/api/v1/projects/{id}/milestones/{milestoneId}", "post"],
    ["/api/v1/projects/{id}/estimates", "get"],
    ["/api/v1/billing.csv", "get"],
  ])("describes %s %s", (path, method) => {
    expect(paths[path]?.[method]).toBeDefined();
  });

  it("documents the acceptance refusal with its missing items", () => {
    const acceptance = paths["/api/v1/projects/{id}/sprints/{sprintId}/acceptance"].post;
    expect(JSON.stringify(acceptance.requestBody)).toContain('"accept","reject"');
    expect(JSON.stringify(acceptance.responses["409"])).toContain("missing");
    expect(Object.keys(acceptance.responses)).toEqual(
      expect.arrayContaining(["200", "401", "403", "404", "409", "422"]),
    );
  });
});
