// The tests that need a real PostgreSQL server: the global setup starts one per run (Debian's
// postgresql ≥ 15) and hands its admin URL to the tests through inject("postgresAdminUrl").
import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config.mjs";

export const postgresTests = ["lib/testing/postgres-server.test.ts", "lib/data/backup-postgres.test.ts"];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: postgresTests,
    exclude: configDefaults.exclude,
    globalSetup: ["lib/testing/postgres-global-setup.ts"],
  },
});
