import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

describe("OpenAPI: project setup", () => {
  const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;

  it.each([
    ["/api/v1/policies", ["get"]],
    ["/api/v1/projects/{id}/members", ["get", "post"]],
    ["/api/v1/projects/{id}/members/{userId}", ["delete"]],
    ["/api/v1/projects/{id}/gates/{number}/board", ["get", "post"]],
    ["/api/v1/projects/{id}/gates/{number}/board/{userId}", ["delete"]],
    ["/api/v1/projects/{id}/conditions/{conditionId}/meet", ["post"]],
  ])("describes %s", (path, methods) => {
    expect(Object.keys(paths[path] ?? {}).sort()).toEqual([...methods].sort());
  });

  it("keeps the gate's GET next to the new PATCH", () => {
    expect(Object.keys(paths["/api/v1/projects/{id}/gates/{number}"]).sort()).toEqual(["get", "patch"]);
  });
});
