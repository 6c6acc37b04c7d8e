// Which database this process uses, from DATABASE_URL: unset is the embedded SQLite file in the
// data folder (the two-command start); postgres:// or postgresql:// is a PostgreSQL server.
import { databaseFile } from "@/lib/env";

export type Dialect = "sqlite" | "postgres";
export type DatabaseTarget =
  { dialect: "sqlite"; file: string; display: string } | { dialect: "postgres"; url: string; display: string };

/** A configuration problem the start commands print as one line (no stack, no password). */
export class DatabaseConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseConfigError";
  }
}

/** The dialect alone, without validating the URL: decides which schema module the tables come from. */
export function databaseDialect(url = process.env.DATABASE_URL): Dialect {
  return url && /^postgres(ql)?:/i.test(url.trim()) ? "postgres" : "sqlite";
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
  }
}

/** DATABASE_URL checked and resolved; a bad one throws DatabaseConfigError naming the problem. */
export function databaseTarget(url = process.env.DATABASE_URL): DatabaseTarget {
  if (!url || !url.trim()) {
    const file = databaseFile();
    return { dialect: "sqlite", file, display: `SQLite ${file}` };
  }
  const value = url.trim();
  if (!/^postgres(ql)?:\/\//i.test(value)) {
    throw new DatabaseConfigError(
      `DATABASE_URL must start with postgres:// or postgresql:// (got "${redactUrl(value).split(":")[0]}:…"); ` +
        `leave it unset for the embedded SQLite database.`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new DatabaseConfigError(`DATABASE_URL is not a valid URL: ${redactUrl(value)}`);
  }
  if (!parsed.hostname && !parsed.searchParams.get("host"))
    throw new DatabaseConfigError(`DATABASE_URL names no host: ${redactUrl(value)}`);
  if (parsed.pathname.length <= 1)
    throw new DatabaseConfigError(
      `DATABASE_URL names no database (postgres://user:password@host:5432/DATABASE): ${redactUrl(value)}`,
    );
  return { dialect: "postgres", url: value, display: `PostgreSQL ${redactUrl(value)}` };
}
