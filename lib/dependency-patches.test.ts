// scripts/patch-dependencies.mjs runs after every install; these fail when the installed packages
// lack its patches (a new version it no longer fits) or when a patch changes an answer.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Column, is, SQL, sql, Table } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { projects } from "@/db/schema-sqlite";
import { projects as pgProjects } from "@/db/schema-pg";

const drizzle = path.resolve(__dirname, "../node_modules/drizzle-orm");

describe("drizzle-orm's is(), remembering its answer per class", () => {
  it("is patched in both the ES module and the CommonJS build", () => {
    for (const file of ["entity.js", "entity.cjs"])
      expect(readFileSync(path.join(drizzle, file), "utf8"), file).toContain("lightgate: is() remembers");
  });

  it("answers as before, the first time and every time after", () => {
    for (let round = 0; round < 3; round++) {
      expect(is(projects.id, Column)).toBe(true);
      expect(is(pgProjects.name, Column)).toBe(true);
      expect(is(projects, Table)).toBe(true);
      expect(is(sql`1`, SQL)).toBe(true);
      expect(is(sql`1`, Column)).toBe(false);
      expect(is(projects.id, SQL)).toBe(false);
      expect(is(projects, Column)).toBe(false);
      expect(is(null, Column)).toBe(false);
      expect(is("text", SQL)).toBe(false);
      expect(is({}, Column)).toBe(false);
    }
  });

  it("still refuses a class that is not a drizzle entity", () => {
    class NotAnEntity {}
    expect(() => is(projects.id, NotAnEntity as unknown as typeof Column)).toThrow(
      /doesn't look like a Drizzle entity/,
    );
  });
});
