// The bench's seed and its database guard. The seed is checked on SQLite (this suite's
// dialect): the promised rows per project and a valid audit chain; a second preparation reuses
// it. The guard is checked on a real PostgreSQL server: it must refuse any database holding
// anything but a bench seed, before writing to it.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, first } from "@/db/client";
import { artifactVersions, auditEvents, gates, projects, scopeItems, sprints } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit";
import { startPostgresServer, type PostgresServer } from "@/lib/testing/postgres-server";
import { assertBenchOwned, NotABenchDatabase, postgresSeedStamp, prepareBenchDatabase } from "./bench-database";
import { BENCH_ACCOUNTS, PER_PROJECT } from "./seed-portfolio";

describe("bench seed on SQLite", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lightgate-bench-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the promised rows per project on one valid audit chain, and is reused while its stamp matches", async () => {
    const target = { dialect: "sqlite" as const, file: "unused", display: "unused" };
    const seeded = await prepareBenchDatabase(target, 12, dir, () => undefined);
    try {
      expect(seeded.reused).toBe(false);
      const n = async (table: typeof projects | typeof gates | typeof artifactVersions | typeof sprints | typeof auditEvents | typeof scopeItems) =>
        (await first(seeded.db.select({ n: count() }).from(table)))!.n;
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
  }, 120_000);
});

describe("bench database guard on PostgreSQL", () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgresServer();
  }, 120_000);
  afterAll(async () => await server?.stop());

  async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
  const addUser = (client: pg.Client, email: string) =>
    client.query("insert into users (id, email, name, password_hash, role, created_at) values ($1, $2, 'x', 'x', 'staff', '2026-01-01')", [crypto.randomUUID(), email]);
  const mark = (client: pg.Client) => client.query("insert into lightgate_settings (key, value) values ('bench_seed', 'seeding')");

  it("accepts an empty (migrated) database", async () => {
    const url = await server.createDatabase();
    await expect(assertBenchOwned(url)).resolves.toBeUndefined();
    expect(await postgresSeedStamp(url)).toBeNull();
  });

  it("refuses a database with an account of its own, naming what it holds but never the password", async () => {
    const url = await server.createDatabase();
    await withClient(url, (c) => addUser(c, "someone@example.com"));
    const refusal = await assertBenchOwned(url).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(NotABenchDatabase);
    expect((refusal as Error).message).toMatch(/^Refusing to use .*: it holds 1 account, 0 projects and 0 audit events that are not a bench seed/);
    expect((refusal as Error).message).not.toContain(decodeURIComponent(new URL(url).password));
  });

  it("refuses bench-looking accounts without the bench's mark, and a marked database with a stranger", async () => {
    const unmarked = await server.createDatabase();
    await withClient(unmarked, (c) => addUser(c, BENCH_ACCOUNTS.pm));
    await expect(assertBenchOwned(unmarked)).rejects.toBeInstanceOf(NotABenchDatabase);

    const mixed = await server.createDatabase();
    await withClient(mixed, async (c) => {
      await mark(c);
      await addUser(c, BENCH_ACCOUNTS.pm);
      await addUser(c, "admin@example.com");
    });
    await expect(assertBenchOwned(mixed)).rejects.toBeInstanceOf(NotABenchDatabase);
  });

  it("accepts a marked database holding only bench accounts, and reads its stamp", async () => {
    const url = await server.createDatabase();
    await withClient(url, async (c) => {
      await mark(c);
      await addUser(c, BENCH_ACCOUNTS.pm);
    });
    await expect(assertBenchOwned(url)).resolves.toBeUndefined();
    expect(await postgresSeedStamp(url)).toBe("seeding");
  });

  it("counts an address that merely contains the bench domain as a stranger", async () => {
    const url = await server.createDatabase();
    await withClient(url, async (c) => {
      await mark(c);
      await addUser(c, "pm@bench.test.example.com");
    });
    await expect(assertBenchOwned(url)).rejects.toBeInstanceOf(NotABenchDatabase);
  });
});
