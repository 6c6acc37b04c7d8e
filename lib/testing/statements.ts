// Counts what a piece of code asks of the database: the statements run on the one connection of an
// in-memory SQLite database (createTestDb on SQLite), for tests that a hot path stays one read, and
// the round trips to PostgreSQL.
import pg from "pg";
import { vi } from "vitest";
import type { Db } from "@/db/client";

/** The SQL of every statement prepared or executed on `db`'s connection while `work` runs. */
export async function statementsOf(db: Db, work: () => Promise<unknown>): Promise<string[]> {
  const client = db.$client;
  const { prepare, exec } = client;
  const seen: string[] = [];
  client.prepare = ((source: string) => (seen.push(source), prepare.call(client, source))) as typeof prepare;
  client.exec = ((source: string) => (seen.push(source), exec.call(client, source))) as typeof exec;
  try {
    await work();
  } finally {
    client.prepare = prepare;
    client.exec = exec;
  }
  return seen;
}

/**
 * Watches what this process sends to PostgreSQL, one entry per round trip (every pg client's
 * `query`, which still sends): `texts()` since it began or since `clear()`. Restore with
 * `stop()` (or vi.restoreAllMocks()).
 */
export function watchRoundTrips() {
  const spy = vi.spyOn(pg.Client.prototype, "query");
  return {
    calls: () => spy.mock.calls,
    texts: () =>
      spy.mock.calls.map(([config]) => (typeof config === "string" ? config : (config as { text: string }).text)),
    clear: () => void spy.mockClear(),
    stop: () => spy.mockRestore(),
  };
}
