// The multi-instance test: two production instances (`scripts/demo.ts`) on one database of the
// run's own PostgreSQL server. Runs after the end-to-end tests, whose build it serves.
import { defineConfig } from "vitest/config";
import postgres from "./vitest.pg.config";

export default defineConfig({
  ...postgres,
  test: {
    ...postgres.test,
    include: ["tests/multi-instance-postgres.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 900_000,
  },
});
