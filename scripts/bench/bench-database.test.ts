// The bench's seed, checked on SQLite (this suite's dialect): the promised rows per project and a
// valid audit chain; a second preparation reuses it. The database guard is checked on PostgreSQL
// in bench-database-postgres.test.ts.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, first } from "@/db/client";
import { artifactVersions, auditEvents, gates, projects, scopeItems, sprints } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit";
import { prepareBenchDatabase } from "./bench-database";
import { PER_PROJECT } from "./seed-portfolio";

describe("bench seed on SQLite", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lightgate-bench-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "writes the promised rows per project on one valid " + "audit chain, and is reused while its stamp matches",
    async () => {
      const target = { dialect: "sqlite" as const, file: "unused", display: "unused" };
      const seeded = await prepareBenchDatabase(target, 12, dir, () => undefined);
      try {
        expect(seeded.reused).toBe(false);
        const n = async (
          table:
            | typeof projects
            | typeof gates
            | typeof artifactVersions
            | typeof sprints
            | typeof auditEvents
            | typeof scopeItems,
        ) => (await first(seeded.db.select({ n: count() }).from(table)))!.n;
        expect(await n(projects)).toBe(12);
        expect(await n(gates)).toBe(12 * PER_PROJECT.gates);
        expect(await n(artifactVersions)).toBe(12 * PER_PROJECT.versions);
        expect(await n(sprints)).toBe(12 * PER_PROJECT.sprints);
        expect(await n(auditEvents)).toBe(12 * PER_PROJECT.auditEvents);
        expect(await n(scopeItems)).toBe(2000);
        expect(seeded.figures).toMatchObject({ projects: 12, gates: 84, artifactVersions: 600, auditEvents: 2400 });
        const chain = await verifyAuditChain(seeded.db);
        expect(chain).toMatchObject({ ok: true, events: 2400 });
      } finally {
        await closeDatabase(seeded.db);
      }
      const again = await prepareBenchDatabase(target, 12, dir, () => undefined);
      expect(again.reused).toBe(true);
      await closeDatabase(again.db);
      const other = await prepareBenchDatabase(target, 3, dir, () => undefined);
      expect(other.reused).toBe(false);
      await closeDatabase(other.db);
    },
    120_000,
  );
});
