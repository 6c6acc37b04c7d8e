// Every operation of API v1, one import per resource: the OpenAPI document is generated from this
// list, and a test checks that every route handler on disk is declared here and nothing else is.
import { artifactOperations } from "./artifacts";
import { escalationOperations } from "./escalations";
import { gateOperations } from "./gates";
import { guardianOperations } from "./guardians";
import { memberOperations } from "./members";
import type { Operation } from "./operation";
import { policyOperations } from "./policies";
import { sprintOperations } from "./sprints";
import { trainingOperations } from "./training";

export const operations: Operation[] = [
  ...artifactOperations,
  ...escalationOperations,
  ...gateOperations,
  ...guardianOperations,
  ...memberOperations,
  ...policyOperations,
  ...sprintOperations,
  ...trainingOperations,
];
