// Reads outside a transaction that are asked for in the same turn of the event loop (a
// Promise.all of queries, a page's components rendering side by side) travel to PostgreSQL
// together: one simple query on one connection, one round trip instead of one each. Each
// statement's values are inlined as literals (db/postgres-held.ts); a read whose values cannot be,
// and anything but a plain SELECT, goes on its own as before.
//
// PostgreSQL runs the statements of one simple query one after the other, each with its own
// snapshot, as separate queries would be. When one fails it runs none after it: each read of the
// batch is then asked again on its own, so that each gets its own answer or its own error.
//
// A named read (a prepared statement, db/reused.ts) joins a batch unnamed; alone, it goes as itself.
import type pg from "pg";
import { answerShape, inline, type QueryConfig } from "./postgres-held";

type Read = {
  config: string | QueryConfig;
  values?: unknown[];
  inlined: string;
  answer: (result: unknown) => void;
  fail: (error: unknown) => void;
};

const PLAIN_READ = /^\s*select\b/i;
const LOCKING_READ = /\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i;

/** The pool as drizzle sees it: `query` batches the reads of one turn; everything else is the pool's. */
export class ReadBatchingPool {
  private waiting: Read[] = [];

  constructor(readonly pool: pg.Pool) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's and drizzle's shapes of a query
  query(config: string | QueryConfig, values?: unknown[]): Promise<any> {
    const inlined = batchable(config, values);
    if (inlined === null) return this.pool.query(config, values);
    return new Promise((answer, fail) => {
      // The first read of a turn sends the turn's reads once the reads asked for with it have joined it.
      if (this.waiting.push({ config, values, inlined, answer, fail }) === 1) process.nextTick(() => this.send());
    });
  }

  private send(): void {
    // One query answers in one shape: rows as arrays (drizzle's selects) or objects, its values
    // parsed by drizzle's types or pg's. Reads of each shape go together.
    const byShape = new Map<string, Read[]>();
    for (const read of this.waiting.splice(0)) {
      const { rowMode, types } = answerShape(read.config);
      const shape = `${rowMode ?? "objects"} ${types ? "typed" : "pg"}`;
      byShape.set(shape, [...(byShape.get(shape) ?? []), read]);
    }
    for (const reads of byShape.values()) void this.sendTogether(reads);
  }

  private async sendTogether(reads: Read[]): Promise<void> {
    if (reads.length > 1) {
      const text = reads.map((read) => read.inlined).join("; ");
      try {
        const answer = await this.pool.query({ ...answerShape(reads[0].config), text });
        const results = Array.isArray(answer) ? answer : [answer];
        reads.forEach((read, i) => read.answer(results[i]));
        return;
      } catch {
        // Asked again one by one below: each gets its own answer or error.
      }
    }
    for (const read of reads) this.pool.query(read.config, read.values).then(read.answer, read.fail);
  }
}

/** A plain SELECT's text with its values inlined, or null when it must go on its own. */
function batchable(config: string | QueryConfig, values: unknown[] | undefined): string | null {
  const text = typeof config === "string" ? config : config.text;
  if (!PLAIN_READ.test(text) || LOCKING_READ.test(text) || text.includes(";")) return null;
  return values?.length ? inline(text, values) : text;
}
