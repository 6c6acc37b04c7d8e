import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: [
      "lib/**/*.test.ts",
      "db/**/*.test.ts",
      "scripts/**/*.test.ts",
      "tests/**/*.test.ts",
      // The examples integrators copy (docs/examples) are tested like the code.
      "docs/**/*.test.ts",
    ],
    // Needs the PostgreSQL server that vitest.pg.config.ts starts.
    exclude: [...configDefaults.exclude, "lib/testing/postgres-server.test.ts", "**/*-postgres.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
  },
});
