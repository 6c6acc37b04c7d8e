// Runs under vitest.pg.config.ts, whose global setup starts the server (postgres-global-setup.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, count, eq, getTableColumns, getTableName, is, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import * as schema from "@/db/schema-pg";
import { accountInvitations, clientOrganizations, projects, users } from "@/db/schema-pg";
import {
  clusterParent,
  createDatabase,
  findPostgresBinaries,
  PostgresUnavailable,
  TEMPLATE_DATABASE,
} from "./postgres-server";

const pools: pg.Pool[] = [];
afterAll(() => Promise.all(pools.map((pool) => pool.end())));

async function freshDatabase() {
  const url = await createDatabase(inject("postgresAdminUrl"));
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(pool);
  return { url, pool, db: drizzle(pool) };
}

const journal = JSON.parse(readFileSync(path.join("db", "migrations-pg", "meta", "_journal.json"), "utf8")) as {
  entries: unknown[];
};

const schemaTables = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableName(table as PgTable))
  .sort();

async function publicTables(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_name not " +
      "like 'lightgate\\_%' order by table_name",
  );
  return rows.map((row) => row.name);
}

describe("findPostgresBinaries", () => {
  const cases: { name: string; installed: string[]; withoutInitdb?: string[]; found?: string; error?: RegExp }[] = [
    {
      name: "none installed: one line saying what to install",
      installed: [],
      error: /PostgreSQL 15 or later .*none found.*apt-get install postgresql/,
    },
    { name: "only older than 15: names them", installed: ["13", "14"], error: /only 14, 13 found/ },
    { name: "several: the newest", installed: ["14", "15", "16"], found: "16" },
    { name: "a version folder without initdb is skipped", installed: ["15"], withoutInitdb: ["17"], found: "15" },
  ];
  it.each(cases)("$name", ({ installed, withoutInitdb = [], found, error }) => {
    const root = mkdtempSync(path.join(os.tmpdir(), "lightgate-pg-root-"));
    try {
      for (const version of installed) {
        mkdirSync(path.join(root, version, "bin"), { recursive: true });
        writeFileSync(path.join(root, version, "bin", "initdb"), "");
      }
      for (const version of withoutInitdb) mkdirSync(path.join(root, version, "bin"), { recursive: true });
      if (error) {
        expect(() => findPostgresBinaries(root)).toThrow(error);
        expect(() => findPostgresBinaries(root)).toThrow(PostgresUnavailable);
        try {
          findPostgresBinaries(root);
        } catch (thrown) {
          // Printed as one line: no stack frames after the message.
          expect((thrown as Error).stack).not.toContain("\n");
        }
      } else {
        expect(findPostgresBinaries(root)).toEqual({ bin: path.join(root, found!, "bin"), version: Number(found) });
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("clusterParent", () => {
  it("takes the RAM folder when it has the room, else the temp folder", () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "lightgate-ram-"));
    try {
      expect(clusterParent(folder, 1)).toBe(folder);
      expect(clusterParent(folder, Number.MAX_SAFE_INTEGER)).toBe(os.tmpdir());
      expect(clusterParent(path.join(folder, "missing"), 1)).toBe(os.tmpdir());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("the test server", () => {
  it("gives each test its own database, migrated with every table of db/schema-pg.ts", async () => {
    const a = await freshDatabase();
    const b = await freshDatabase();
    expect(a.url).not.toBe(b.url);
    expect(schemaTables.length).toBeGreaterThan(40);
    for (const { pool } of [a, b]) {
      const tables = await publicTables(pool);
      expect(tables).toEqual(expect.arrayContaining(schemaTables));
      // Nothing else but drizzle's own bookkeeping (kept in its "drizzle" schema).
      expect(tables).toEqual(schemaTables);
      const applied = await pool.query("select count(*)::int as n from drizzle.__drizzle_migrations");
      expect(applied.rows[0].n).toBe(journal.entries.length);
    }

    await a.db.insert(clientOrganizations).values({ name: "Nordlicht Netz AG", sector: "energy", country: "DE" });
    expect(await a.db.select({ n: count() }).from(clientOrganizations)).toEqual([{ n: 1 }]);
    expect(await b.db.select({ n: count() }).from(clientOrganizations)).toEqual([{ n: 0 }]);
    // B's unique constraint does not see A's row either.
    await b.db.insert(clientOrganizations).values({ name: "Nordlicht Netz AG", sector: "energy", country: "DE" });
    await expect(
      a.db.insert(clientOrganizations).values({ name: "Nordlicht Netz AG", sector: "gas", country: "AT" }),
    ).rejects.toThrow();
  });

  it("keeps the template closed, so copying it never waits on a connection", async () => {
    const url = new URL(inject("postgresAdminUrl"));
    url.pathname = `/${TEMPLATE_DATABASE}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await expect(client.connect()).rejects.toThrow(/not currently accepting connections/);
  });

  it("orders rows by the hidden rowid in insertion order, and select() never returns it", async () => {
    const { db } = await freshDatabase();
    const [user] = await db
      .insert(users)
      .values({ email: "pm@example.test", name: "PM", passwordHash: "x", role: "staff" })
      .returning();
    const sameInstant = "2026-11-29T10:00:00.000Z";
    // Ids out of alphabetical order: only the insertion order gives c, a, b.
    for (const id of ["c", "a", "b"]) {
      await db.insert(accountInvitations).values({
        id,
        userId: user.id,
        purpose: "invite",
        tokenHash: `hash-${id}`,
        createdAt: sameInstant,
        expiresAt: sameInstant,
      });
    }
    // The two spellings lib/data uses on SQLite: bare and table-qualified.
    const bare = await db
      .select()
      .from(accountInvitations)
      .where(eq(accountInvitations.userId, user.id))
      .orderBy(asc(accountInvitations.createdAt), sql`rowid`);
    const qualified = await db
      .select({ id: accountInvitations.id })
      .from(accountInvitations)
      .orderBy(asc(accountInvitations.createdAt), sql`${accountInvitations}.rowid desc`);
    expect(bare.map((row) => row.id)).toEqual(["c", "a", "b"]);
    expect(qualified.map((row) => row.id)).toEqual(["b", "a", "c"]);
    expect(Object.keys(bare[0]).sort()).toEqual(Object.keys(getTableColumns(accountInvitations)).sort());
    expect(Object.keys(bare[0])).not.toContain("rowid");
  });

  it("reads money past 2^31 minor units back as the same JS number", async () => {
    const { db } = await freshDatabase();
    const [organization] = await db
      .insert(clientOrganizations)
      .values({ name: "AquaVale Water", sector: "water", country: "PT" })
      .returning();
    const dayRate = 3_000_000_000_00; // 3 billion euros in cents
    await db.insert(projects).values({
      organizationId: organization.id,
      name: "Big rollout",
      startDate: "2026-01-05",
      targetGoLiveDate: "2026-12-01",
      dayRate,
    });
    const [project] = await db.select().from(projects);
    expect(project.dayRate).toBe(dayRate);
    expect(project.modules).toEqual([]);
    expect(project.healthReasons).toEqual([]);
  });
});
