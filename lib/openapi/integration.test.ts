import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";
import { integrationPaths } from "./integration";

describe("integration API in the OpenAPI document", () => {
  const document = openApiDocument();

  it.each(Object.keys(integrationPaths))("%s is in the document and has a route handler", (apiPath) => {
    expect(document.paths).toHaveProperty([apiPath]);
    const file = path.join(
      process.cwd(),
      "app",
      apiPath
        .replace("/api/v1/projects/{id}", "api/v1/projects/[projectId]")
        .replace(/\{(\w+)\}/g, "[$1]")
        .replace(/^\//, ""),
      "route.ts",
    );
    expect(existsSync(file), file).toBe(true);
  });

  it("resolves every schema reference it uses", () => {
    const refs = JSON.stringify(integrationPaths).match(/#\/components\/schemas\/(\w+)/g) ?? [];
    for (const ref of refs) expect(document.components.schemas).toHaveProperty([ref.split("/").at(-1)!]);
  });
});
