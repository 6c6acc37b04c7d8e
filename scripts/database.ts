// The database of a command, from DATABASE_URL (unset: the SQLite file in the data folder),
// migrated. A bad URL or an unreachable server ends the command (exit code 2) with one line
// naming the problem (never the password), no stack trace, and no file created.
import { connectDatabase, type Db } from "@/db/client";
import { DatabaseConfigError, databaseTarget, type DatabaseTarget } from "@/db/url";

export function commandTarget(): DatabaseTarget {
  try {
    return databaseTarget();
  } catch (error) {
    return stop(error);
  }
}

export async function openCommandDatabase(target = commandTarget()): Promise<Db> {
  try {
    return await connectDatabase(target);
  } catch (error) {
    return stop(error);
  }
}

function stop(error: unknown): never {
  if (error instanceof DatabaseConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
