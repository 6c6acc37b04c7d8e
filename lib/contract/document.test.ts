import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";
import { operations } from "./registry";

const API = path.join(process.cwd(), "app/api/v1");

/** Every route handler on disk as "METHOD /api/v1/…", its path written as OpenAPI writes it. */
function routesOnDisk(dir = API): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routesOnDisk(full);
    if (entry.name !== "route.ts") return [];
    const segments = path.relative(API, dir).split(path.sep);
    const url = ["/api/v1", ...segments.map((p) => p.replace(/^\[(.+)\]$/, "{$1}"))].join("/");
    const methods = [
      ...readFileSync(full, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
    ];
    return methods.map((m) => `${m[1]} ${url}`);
  });
}

describe("the generated OpenAPI document", () => {
  const doc = openApiDocument();

  it("passes a standard OpenAPI 3.1 validator", async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("declares every operation once, with a unique operationId", () => {
    const ids = operations.map((op) => op.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = operations.map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("declares a response schema for every JSON 2xx answer", () => {
    const undeclared = operations.filter(
      (op) => op.success.status !== 204 && !op.success.schema && !op.success.mediaType,
    );
    expect(undeclared.map((op) => op.id)).toEqual([]);
  });

  it("declares every route handler on disk, and no operation without one", () => {
    const declared = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();
    const onDisk = routesOnDisk()
      .filter((route) => route !== "GET /api/v1/openapi.json")
      .sort();
    expect(onDisk.filter((route) => !declared.includes(route))).toEqual([]);
    expect(declared.filter((route) => !onDisk.includes(route))).toEqual([]);
  });
});
