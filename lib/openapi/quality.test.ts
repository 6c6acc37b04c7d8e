import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

type Operation = { parameters?: { name: string }[]; responses: Record<string, unknown>; requestBody?: unknown };

describe("OpenAPI: quality per release", () => {
  const paths = openApiDocument().paths as unknown as Record<string, Record<string, Operation>>;

  it.each([
    ["/api/v1/projects/{id}/releases/{releaseId}/quality", "get"],
    ["/api/v1/projects/{id}/releases/{releaseId}/quality", "post"],
    ["/api/v1/projects/{id}/releases/{releaseId}/evidence", "post"],
  ])("describes %s %s with the release id", (path, method) => {
    expect(paths[path]?.[method]?.parameters?.map((p) => p.name)).toContain("releaseId");
  });

  it("a release's selection takes the same body and answers as a sprint's", () => {
    const sprint = paths["/api/v1/projects/{id}/sprints/{sprintId}/quality"].post;
    const release = paths["/api/v1/projects/{id}/releases/{releaseId}/quality"].post;
    expect(release.requestBody).toEqual(sprint.requestBody);
    expect(Object.keys(release.responses)).toEqual(Object.keys(sprint.responses));
    expect(JSON.stringify(paths["/api/v1/projects/{id}/sprints/{sprintId}/quality"].get.responses)).toContain(
      "inheritedFrom",
    );
  });
});
