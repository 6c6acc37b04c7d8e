// Every operation of API v1, one import per resource: the OpenAPI document is generated from this
// list, and a test checks that every route handler on disk is declared here and nothing else is.
import type { Operation } from "./operation";
import { artifactOperations } from "./artifacts";
import { billingOperations } from "./billing";
import { calendarOperations } from "./calendar";
import { emailPreferenceOperations } from "./email-preferences";
import { escalationOperations } from "./escalations";
import { gateOperations } from "./gates";
import { goLiveOperations } from "./go-live";
import { guardianOperations } from "./guardians";
import { integrationOperations } from "./integration";
import { meOperations } from "./me";
import { memberOperations } from "./members";
import { migrationOperations } from "./migration";
import { policyOperations } from "./policies";
import { projectOperations } from "./projects";
import { qualityOperations } from "./quality";
import { releaseQualityOperations } from "./release-quality";
import { roadmapOperations } from "./roadmap";
import { sprintOperations } from "./sprints";
import { statusReportOperations } from "./status-reports";
import { trainingOperations } from "./training";
import { validationRunOperations } from "./validation-runs";
import { webhookOperations } from "./webhooks";

export const operations: Operation[] = [
  ...artifactOperations,
  ...billingOperations,
  ...calendarOperations,
  ...emailPreferenceOperations,
  ...escalationOperations,
  ...gateOperations,
  ...goLiveOperations,
  ...guardianOperations,
  ...integrationOperations,
  ...meOperations,
  ...memberOperations,
  ...migrationOperations,
  ...policyOperations,
  ...projectOperations,
  ...qualityOperations,
  ...releaseQualityOperations,
  ...roadmapOperations,
  ...sprintOperations,
  ...statusReportOperations,
  ...trainingOperations,
  ...validationRunOperations,
  ...webhookOperations,
];
