// The integration suite again, on PostgreSQL: the global setup starts a real server for the run
// (Debian's postgresql ≥ 15) and hands its admin URL to the tests through inject("postgresAdminUrl");
// createTestDb() gives every test a database equal to a fresh copy of the migrated template (one
// database per worker slot, reset between tests: lib/testing/postgres-reset.ts). DATABASE_URL
// only selects the dialect here (db/schema.ts takes the PostgreSQL tables); no test connects to it.
import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config.mjs";

export const postgresTests = [
  "lib/testing/postgres-server.test.ts",
  "lib/testing/reset-postgres.test.ts",
  "lib/data/backup-postgres.test.ts",
  "scripts/bench/bench-database-postgres.test.ts",
  "db/postgres-context-postgres.test.ts",
  "db/postgres-locks-postgres.test.ts",
  "db/postgres-held-postgres.test.ts",
  "db/postgres-reads-postgres.test.ts",
  "db/reused.test.ts",
];

/** Files about SQLite itself (its connections, files and backup API), with PostgreSQL counterparts elsewhere. */
const sqliteOnly = ["db/client.test.ts", "lib/data/backup.test.ts"];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      ...postgresTests,
      "lib/data/**/*.test.ts",
      "lib/audit.test.ts",
      "lib/outbox/webhook-channel.test.ts",
      "db/seed/**/*.test.ts",
      "tests/api/**/*.test.ts",
    ],
    exclude: [...configDefaults.exclude, ...sqliteOnly],
    env: { DATABASE_URL: "postgres://per-test-databases@localhost/see-createTestDb" },
    globalSetup: ["lib/testing/postgres-global-setup.ts"],
  },
});
