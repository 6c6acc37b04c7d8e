// vitest globalSetup: one PostgreSQL server per test run, its admin URL handed to the tests
// (inject("postgresAdminUrl")) with the migrated template's state that resets restore
// (inject("postgresTemplate")), stopped and deleted at teardown.
import type { TestProject } from "vitest/node";
import type { TemplateState } from "./postgres-reset";
import { startPostgresServer } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplate: TemplateState;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const server = await startPostgresServer();
  console.log(`PostgreSQL ${server.version} test server ready in ${Date.now() - started} ms`);
  project.provide("postgresAdminUrl", server.adminUrl);
  project.provide("postgresTemplate", server.template);
  return () => server.stop();
}
