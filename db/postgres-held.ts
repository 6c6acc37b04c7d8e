// Statements a PostgreSQL write transaction holds back, to send them with its next one instead of
// paying a round trip for each: its opening (BEGIN and its locks) travels with its first read, and
// its last write (the batch of audit events and notifications) with its COMMIT. On this machine's
// loopback a round trip costs Node 60–70 µs of CPU alone and about twice that under load, and a
// command made about ten.
//
// Held statements and the next one go as one simple query. A parameterised statement goes in it
// with its parameters written as quoted literals, which PostgreSQL types from their context exactly
// as it types unspecified parameters; a value that has no such literal (an object, a string with
// a NUL) is not inlined: the held statements are then sent on their own first. When a statement of
// the query fails, PostgreSQL runs none after it, so a failed held write never reaches its COMMIT.
import pg from "pg";

type Held = { text: string; statements: number };
/** A query as drizzle hands it to pg: its text, and the shape of its answer. */
export type QueryConfig = { text: string; name?: string; rowMode?: "array"; types?: pg.CustomTypesConfig };
// pg's multi-statement answer: one result per statement.
type Answer = pg.QueryResult | pg.QueryResult[];

/**
 * The query surface of one open transaction (drizzle and db/postgres-writers.ts send through it):
 * the pooled connection's `query`, with the held statements in front of the next one.
 */
export class HoldingClient {
  private held: Held[] = [];
  /** Whether any of the transaction's statements has been sent (so that there is something to roll back). */
  sent = false;

  constructor(private readonly connection: pg.PoolClient) {}

  /** Holds statements of numbers and names only (no parameters), `statements` of them. */
  hold(text: string, statements: number): void {
    this.held.push({ text, statements });
  }

  /** Holds one parameterised statement, its values inlined; false (nothing held) when one cannot be. */
  holdStatement(text: string, values: readonly unknown[]): boolean {
    const inlined = inline(text, values);
    if (inlined !== null) this.held.push({ text: inlined, statements: 1 });
    return inlined !== null;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's and drizzle's shapes of a query
  async query(config: string | QueryConfig, values?: unknown[]): Promise<any> {
    this.sent = true;
    if (this.held.length === 0) return await this.connection.query(config, values);
    const text = typeof config === "string" ? config : config.text;
    const own = values?.length ? inline(text, values) : text;
    const held = this.held.splice(0);
    const front = held.map((h) => h.text).join("; ");
    if (own === null) {
      await this.connection.query(front);
      return await this.connection.query(config, values);
    }
    const answer: Answer = await this.connection.query({ ...answerShape(config), text: `${front}; ${own}` });
    const results = (Array.isArray(answer) ? answer : [answer]).slice(held.reduce((n, h) => n + h.statements, 0));
    return results.length === 1 ? results[0] : results;
  }
}

/** How a query's rows come back: as arrays or objects, parsed by its own types or pg's. */
export function answerShape(config: string | QueryConfig): Pick<QueryConfig, "rowMode" | "types"> {
  return typeof config === "string" ? {} : { rowMode: config.rowMode, types: config.types };
}

// A quoted string, a quoted name, or a parameter's placeholder: parameters are replaced outside quotes only.
const PLACEHOLDER = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g;

/** `text` with each `$n` replaced by its value as a literal; null when a value has none. */
export function inline(text: string, values: readonly unknown[]): string | null {
  // A backslash may escape a quote (E'…'), and dollar quotes hide placeholders: not scanned here.
  if (text.includes("\\") || text.includes("$$")) return null;
  const literals = values.map(literal);
  if (literals.includes(null)) return null;
  return text.replace(PLACEHOLDER, (match, n: string | undefined) => {
    if (n === undefined) return match;
    const value = literals[Number(n) - 1];
    if (value === undefined) throw new Error(`The statement has no value for $${n}`);
    return value as string;
  });
}

/** A value as pg sends it (its text), quoted, so that its type comes from its context; null when it has none. */
function literal(value: unknown): string | null {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      // A query's text ends at a NUL; as a parameter it is refused. Neither may cut a statement short.
      return value.includes("\0") ? null : pg.escapeLiteral(value);
    case "number":
    case "bigint":
    case "boolean":
      return `'${String(value)}'`;
    default:
      return null;
  }
}
