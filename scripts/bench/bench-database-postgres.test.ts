// The bench's database guard, on a real PostgreSQL server (this file runs in the PostgreSQL
// suite): it must refuse any database holding anything but a bench seed, before writing to it.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgresServer, type PostgresServer } from "@/lib/testing/postgres-server";
import { assertBenchOwned, NotABenchDatabase, postgresSeedStamp } from "./bench-database";
import { BENCH_ACCOUNTS } from "./seed-portfolio";

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
    client.query(
      "insert into users (id, email, name, password_hash, role, created_at) values ($1, $2, 'x', 'x', 'staff', " +
        "'2026-01-01')",
      [crypto.randomUUID(), email],
    );
  const mark = (client: pg.Client) =>
    client.query("insert into lightgate_settings (key, value) values ('bench_seed', 'seeding')");

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
    expect((refusal as Error).message).toMatch(
      /^Refusing to use .*: it holds 1 account, 0 projects and 0 audit events that are not a bench seed/,
    );
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
