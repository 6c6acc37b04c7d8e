// Every operation of API v1, one import per resource: the OpenAPI document is generated from this
// list, and a test checks that every route handler on disk is declared here and nothing else is.
import type { Operation } from "./operation";
import { artifactOperations } from "./artifacts";
import { billingOperations } from "./billing";
import { escalationOperations } from "./escalations";
import { gateOperations } from "./gates";
import { guardianOperations } from "./guardians";
import { memberOperations } from "./members";
import { policyOperations } from "./policies";
import { projectOperations } from "./projects";
import { qualityOperations } from "./quality";
import { releaseQualityOperations } from "./release-quality";
import { roadmapOperations } from "./roadmap";
import { sprintOperations } from "./sprints";
import { trainingOperations } from "./training";

export const operations: Operation[] = [
  ...artifactOperations,
  ...billingOperations,
  ...escalationOperations,
  ...gateOperations,
  ...guardianOperations,
  ...memberOperations,
  ...policyOperations,
  ...projectOperations,
  ...qualityOperations,
  ...releaseQualityOperations,
  ...roadmapOperations,
  ...sprintOperations,
  ...trainingOperations,
];
