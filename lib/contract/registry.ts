// Every operation of API v1, one import per resource: the OpenAPI document is generated from this
// list, and a test checks that every route handler on disk is declared here and nothing else is.
import { billingOperations } from "./billing";
import type { Operation } from "./operation";
import { projectOperations } from "./projects";
import { qualityOperations } from "./quality";
import { releaseQualityOperations } from "./release-quality";
import { roadmapOperations } from "./roadmap";
import { sprintOperations } from "./sprints";

export const operations: Operation[] = [
  ...billingOperations,
  ...projectOperations,
  ...qualityOperations,
  ...releaseQualityOperations,
  ...roadmapOperations,
  ...sprintOperations,
];
