// vitest globalSetup: one PostgreSQL server per test run, its admin URL handed to the tests
// (inject("postgresAdminUrl")), stopped and deleted at teardown.
import type { TestProject } from "vitest/node";
import { startPostgresServer } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const server = await startPostgresServer();
  console.log(`PostgreSQL ${server.version} test server ready in ${Date.now() - started} ms`);
  project.provide("postgresAdminUrl", server.adminUrl);
  return () => server.stop();
}
