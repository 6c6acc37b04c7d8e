// Every operation of API v1, one import per resource: the OpenAPI document is generated from this
// list, and a test checks that every route handler on disk is declared here and nothing else is.
import { goLiveOperations } from "./go-live";
import { integrationOperations } from "./integration";
import { migrationOperations } from "./migration";
import type { Operation } from "./operation";
import { sprintOperations } from "./sprints";
import { statusReportOperations } from "./status-reports";
import { validationRunOperations } from "./validation-runs";

export const operations: Operation[] = [
  ...goLiveOperations,
  ...integrationOperations,
  ...migrationOperations,
  ...sprintOperations,
  ...statusReportOperations,
  ...validationRunOperations,
];
