import { defineConfig } from "drizzle-kit";

// The PostgreSQL migrations (DATABASE_URL=postgres://…); drizzle.config.ts keeps SQLite's.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg.ts",
  out: "./db/migrations-pg",
});
