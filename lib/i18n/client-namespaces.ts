// The namespaces the browser needs: those read by client components ("use client" modules and
// every module they import). Only these go into the page for hydration; server components read
// the whole catalogue on the server. Handing the provider everything put the entire catalogue
// (140 kB in English, 165 kB in Polish) into every page's HTML, though most of it is read only
// while rendering on the server. lib/i18n/client-namespaces.test.ts derives this list from the code
// and fails when a client component reads a namespace missing here, or one here is no longer read.
import type { Messages } from "@/messages/catalogue";

export const CLIENT_NAMESPACES = [
  "account",
  "adminAudit",
  "adminOrganizations",
  "adminQuality",
  "adminUsers",
  "billingForms",
  "cancelTrainingSession",
  "diagramFreeze",
  "dialog",
  "editProject",
  "error",
  "escalationForms",
  "gateApproval",
  "gateArtifacts",
  "gateBoard",
  "gateControls",
  "gateEditor",
  "gateReview",
  "gateVersion",
  "gateVote",
  "generateReport",
  "goLiveCertificate",
  "goLiveForms",
  "healthBadge",
  "integrationPage",
  "interfaceForms",
  "keyPeople",
  "mermaidDiagram",
  "migrationPage",
  "migrationPlan",
  "moveGuardian",
  "nav",
  "nominateGuardian",
  "notificationsPage",
  "passwordForm",
  "policyEditor",
  "policyTranslation",
  "portfolioFilters",
  "portfolioRows",
  "printButton",
  "projectForm",
  "projectMembers",
  "projectNav",
  "projectRoles",
  "qualityEvidence",
  "qualitySelection",
  "reviewQueue",
  "roadmapForms",
  "sessions",
  "sessionsAdmin",
  "settingsPassword",
  "settingsPreferences",
  "settingsSessions",
  "settingsTokens",
  "calendarPanel",
  "signInForm",
  "singleSignOnAdmin",
  "siteForm",
  "sprintForms",
  "statusBadge",
  "submitButton",
  "systemForms",
  "trainingAttendance",
  "trainingModuleForms",
  "trainingSessionForm",
  "twoFactor",
  "validationForms",
  "waveForms",
  "webhooks",
  "withdrawGuardian",
] as const satisfies readonly (keyof Messages)[];

/** The part of a language's catalogue that client components read. */
export function clientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]])) as Pick<
    Messages,
    (typeof CLIENT_NAMESPACES)[number]
  >;
}
