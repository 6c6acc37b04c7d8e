// The tests on real server processes (`scripts/demo.ts`), each on a database of the run's own PostgreSQL
// server: two instances sharing one, and one killed between two attempts of a webhook delivery. Runs after
// the end-to-end tests, whose build it serves.
import { defineConfig } from "vitest/config";
import postgres from "./vitest.pg.config";

export default defineConfig({
  ...postgres,
  test: {
    ...postgres.test,
    include: ["tests/multi-instance-postgres.test.ts", "tests/webhook-delivery-postgres.test.ts"],
    // Each file runs its own production instances: one file at a time on this machine.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 900_000,
  },
});
