// Counts what a piece of code asks of the database: the statements run on the one connection of an
// in-memory SQLite database (createTestDb on SQLite), for tests that a hot path stays one read.
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
