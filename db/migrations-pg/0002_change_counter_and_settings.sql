-- PostgreSQL-only infrastructure, outside db/schema-pg.ts (lib/data never queries these):
-- a change counter every write transaction bumps (db/postgres.ts), which memoised reads on
-- every instance compare instead of SQLite's PRAGMA data_version; and settings shared by all
-- instances, such as the generated auth secret when AUTH_SECRET is not set.
CREATE TABLE "lightgate_changes" ("id" integer PRIMARY KEY, "n" bigint NOT NULL);--> statement-breakpoint
INSERT INTO "lightgate_changes" ("id", "n") VALUES (1, 0);--> statement-breakpoint
CREATE TABLE "lightgate_settings" ("key" text PRIMARY KEY, "value" text NOT NULL);
