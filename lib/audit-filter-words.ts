// Actions and object types as the audit trail's filters (and the administrators' list of frequent
// actions) name them, in the reader's language: namespaces auditActions and auditObjectTypes of the
// area auditSentences. English is the domain's actionLabel and the humanized type (the test proves
// the catalogue says the same); an action or type the catalogue does not know keeps that English.
import { createTranslator } from "next-intl";
import { getTranslations } from "next-intl/server";
import { actionLabel } from "@/lib/domain/audit-sentence";
import type { Locale } from "@/lib/i18n/locale";
import { loadMessages, type Messages } from "@/messages/catalogue";
import type { Say } from "@/lib/audit-words";

type ActionKey = keyof Messages["auditActions"];
/** "scope_item" → "Scope item", as the status badges humanize a machine value. */
export const humanizeType = (value: string) => value.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());
type ObjectTypeKey = keyof Messages["auditObjectTypes"];

/** An action's and an object type's label for a filter. */
export type AuditFilterLabels = { action: (action: string) => string; objectType: (objectType: string) => string };

function labels(action: Say<ActionKey>, objectType: Say<ObjectTypeKey>): AuditFilterLabels {
  return {
    action: (a) => (Object.hasOwn(ACTIONS, a) ? ACTIONS[a](action) : actionLabel(a)),
    objectType: (t) => (Object.hasOwn(OBJECT_TYPES, t) ? OBJECT_TYPES[t](objectType) : humanizeType(t)),
  };
}

/** The labels of one language, anywhere (tests). */
export async function auditFilterLabelsFor(locale: Locale): Promise<AuditFilterLabels> {
  const messages = await loadMessages(locale);
  const action = createTranslator({ locale, messages, namespace: "auditActions" });
  const objectType = createTranslator({ locale, messages, namespace: "auditObjectTypes" });
  return labels(action as Say<ActionKey>, objectType as Say<ObjectTypeKey>);
}

/** The labels of this request's language. */
export async function requestAuditFilterLabels(): Promise<AuditFilterLabels> {
  const action = await getTranslations("auditActions");
  const objectType = await getTranslations("auditObjectTypes");
  return labels(action as Say<ActionKey>, objectType as Say<ObjectTypeKey>);
}

/** Actions as a filter lists them ("Gate: vote change"); an action not listed keeps its English label. */
export const ACTIONS: Record<string, (action: Say<ActionKey>) => string> = {
  "account.invite": (action) => action("accountInvite"),
  "account.invite.revoke": (action) => action("accountInviteRevoke"),
  "account.password_reset_link": (action) => action("accountPasswordResetLink"),
  "account.password.change": (action) => action("accountPasswordChange"),
  "account.password.set": (action) => action("accountPasswordSet"),
  "session.revoke": (action) => action("sessionRevoke"),
  "session.revoke_others": (action) => action("sessionRevokeOthers"),
  "user.access.revoke": (action) => action("userAccessRevoke"),
  "api_token.create": (action) => action("apiTokenCreate"),
  "api_token.revoke": (action) => action("apiTokenRevoke"),
  "calendar_feed.create": (action) => action("calendarFeedCreate"),
  "calendar_feed.revoke": (action) => action("calendarFeedRevoke"),
  "webhook.create": (action) => action("webhookCreate"),
  "webhook.delete": (action) => action("webhookDelete"),
  "webhook.rotate_secret": (action) => action("webhookRotateSecret"),
  "webhook.enable": (action) => action("webhookEnable"),
  "webhook.disable": (action) => action("webhookDisable"),
  "webhook.test": (action) => action("webhookTest"),
  "webhook.resend": (action) => action("webhookResend"),
  "email_preferences.change": (action) => action("emailPreferencesChange"),
  "email_preferences.unsubscribe": (action) => action("emailPreferencesUnsubscribe"),
  "artifact.submit": (action) => action("artifactSubmit"),
  "artifact.version.add": (action) => action("artifactVersionAdd"),
  "artifact.approve": (action) => action("artifactApprove"),
  "artifact.request_changes": (action) => action("artifactRequestChanges"),
  "billing.terms.update": (action) => action("billingTermsUpdate"),
  "escalation.raise": (action) => action("escalationRaise"),
  "escalation.triage": (action) => action("escalationTriage"),
  "escalation.status": (action) => action("escalationStatus"),
  "gate.board.add": (action) => action("gateBoardAdd"),
  "gate.board.update": (action) => action("gateBoardUpdate"),
  "gate.board.remove": (action) => action("gateBoardRemove"),
  "gate.condition.meet": (action) => action("gateConditionMeet"),
  "gate.decide": (action) => action("gateDecide"),
  "gate.plan": (action) => action("gatePlan"),
  "gate.submit": (action) => action("gateSubmit"),
  "gate.vote": (action) => action("gateVote"),
  "gate.vote.change": (action) => action("gateVoteChange"),
  "go_live_acceptance.create": (action) => action("goLiveAcceptanceCreate"),
  "go_live_acceptance.update": (action) => action("goLiveAcceptanceUpdate"),
  "go_live_acceptance.sign": (action) => action("goLiveAcceptanceSign"),
  "go_live_acceptance.complete": (action) => action("goLiveAcceptanceComplete"),
  "guardian.nominate": (action) => action("guardianNominate"),
  "guardian.renominate": (action) => action("guardianRenominate"),
  "guardian.certify": (action) => action("guardianCertify"),
  "guardian.decertify": (action) => action("guardianDecertify"),
  "guardian.move": (action) => action("guardianMove"),
  "guardian.withdraw": (action) => action("guardianWithdraw"),
  "guardian.status": (action) => action("guardianStatus"),
  "handover.record": (action) => action("handoverRecord"),
  "interface.create": (action) => action("interfaceCreate"),
  "interface.update": (action) => action("interfaceUpdate"),
  "interface.delete": (action) => action("interfaceDelete"),
  "interface.advance": (action) => action("interfaceAdvance"),
  "interface.reopen": (action) => action("interfaceReopen"),
  "migration_plan.update": (action) => action("migrationPlanUpdate"),
  "migration_raci.update": (action) => action("migrationRaciUpdate"),
  "migration_run.record": (action) => action("migrationRunRecord"),
  "migration_wave.create": (action) => action("migrationWaveCreate"),
  "migration_wave.start": (action) => action("migrationWaveStart"),
  "migration_wave.update": (action) => action("migrationWaveUpdate"),
  "milestone.billable": (action) => action("milestoneBillable"),
  "milestone.invoice": (action) => action("milestoneInvoice"),
  "milestone.paid": (action) => action("milestonePaid"),
  "organization.create": (action) => action("organizationCreate"),
  "policy.publish": (action) => action("policyPublish"),
  "project.create": (action) => action("projectCreate"),
  "project.update": (action) => action("projectUpdate"),
  "project.gate_advance": (action) => action("projectGateAdvance"),
  "project.go_live": (action) => action("projectGoLive"),
  "project.member.add": (action) => action("projectMemberAdd"),
  "project.member.remove": (action) => action("projectMemberRemove"),
  "quality.activity.add": (action) => action("qualityActivityAdd"),
  "quality.activity.update": (action) => action("qualityActivityUpdate"),
  "quality.activity.remove": (action) => action("qualityActivityRemove"),
  "quality.evidence.record": (action) => action("qualityEvidenceRecord"),
  "quality.level.update": (action) => action("qualityLevelUpdate"),
  "quality.rule.add": (action) => action("qualityRuleAdd"),
  "quality.rule.update": (action) => action("qualityRuleUpdate"),
  "quality.rule.remove": (action) => action("qualityRuleRemove"),
  "quality.selection.create": (action) => action("qualitySelectionCreate"),
  "quality.selection.change": (action) => action("qualitySelectionChange"),
  "release.create": (action) => action("releaseCreate"),
  "release.update": (action) => action("releaseUpdate"),
  "scope.added": (action) => action("scopeAdded"),
  "scope.changed": (action) => action("scopeChanged"),
  "scope.removed": (action) => action("scopeRemoved"),
  "scope.baseline.approve": (action) => action("scopeBaselineApprove"),
  "site.create": (action) => action("siteCreate"),
  "sprint.plan": (action) => action("sprintPlan"),
  "sprint.start": (action) => action("sprintStart"),
  "sprint.submit_review": (action) => action("sprintSubmitReview"),
  "sprint.accept": (action) => action("sprintAccept"),
  "sprint.reject": (action) => action("sprintReject"),
  "sprint.reopen": (action) => action("sprintReopen"),
  "sprint.deployment.record": (action) => action("sprintDeploymentRecord"),
  "sprint.escaped_defects.record": (action) => action("sprintEscapedDefectsRecord"),
  "status_report.generate": (action) => action("statusReportGenerate"),
  "system.create": (action) => action("systemCreate"),
  "system.update": (action) => action("systemUpdate"),
  "system.delete": (action) => action("systemDelete"),
  "training.attendance.record": (action) => action("trainingAttendanceRecord"),
  "training.material.add": (action) => action("trainingMaterialAdd"),
  "training.module.create": (action) => action("trainingModuleCreate"),
  "training.module.update": (action) => action("trainingModuleUpdate"),
  "training.session.schedule": (action) => action("trainingSessionSchedule"),
  "training.session.enrol": (action) => action("trainingSessionEnrol"),
  "training.session.cancel": (action) => action("trainingSessionCancel"),
  "upload.tamper_detected": (action) => action("uploadTamperDetected"),
  "user.create": (action) => action("userCreate"),
  "user.disable": (action) => action("userDisable"),
  "user.sso.sign_in": (action) => action("userSsoSignIn"),
  "user.sso.provision": (action) => action("userSsoProvision"),
  "user.sso.refuse": (action) => action("userSsoRefuse"),
  "organization.sso.update": (action) => action("organizationSsoUpdate"),
  "user.password_sign_in.disable": (action) => action("userPasswordSignInDisable"),
  "user.password_sign_in.enable": (action) => action("userPasswordSignInEnable"),
  "user.enable": (action) => action("userEnable"),
  "user.password.change": (action) => action("userPasswordChange"),
  "user.password.reset": (action) => action("userPasswordReset"),
  "user.sessions.revoke": (action) => action("userSessionsRevoke"),
  "account.sign_in": (action) => action("accountSignIn"),
  "account.sign_in.fail": (action) => action("accountSignInFail"),
  "account.sign_in.throttle": (action) => action("accountSignInThrottle"),
  "account.proof.fail": (action) => action("accountProofFail"),
  "account.two_factor.enrol": (action) => action("accountTwoFactorEnrol"),
  "account.two_factor.disable": (action) => action("accountTwoFactorDisable"),
  "account.two_factor.recovery_code.use": (action) => action("accountTwoFactorRecoveryCodeUse"),
  "account.two_factor.recovery_codes.regenerate": (action) => action("accountTwoFactorRecoveryCodesRegenerate"),
  "user.two_factor.reset": (action) => action("userTwoFactorReset"),
  "two_factor.policy.change": (action) => action("twoFactorPolicyChange"),
  "validation_run.open": (action) => action("validationRunOpen"),
  "validation_run.close": (action) => action("validationRunClose"),
  "validation_scenario.add": (action) => action("validationScenarioAdd"),
  "validation_scenario.move": (action) => action("validationScenarioMove"),
  "validation_scenario.record": (action) => action("validationScenarioRecord"),
  "validation_scenario.remove": (action) => action("validationScenarioRemove"),
};

/** Object types as a filter lists them ("Gate", "Scope item"). */
export const OBJECT_TYPES: Record<string, (objectType: Say<ObjectTypeKey>) => string> = {
  api_token: (objectType) => objectType("apiToken"),
  calendar_feed: (objectType) => objectType("calendarFeed"),
  webhook: (objectType) => objectType("webhook"),
  artifact: (objectType) => objectType("artifact"),
  client_organization: (objectType) => objectType("clientOrganization"),
  escalation: (objectType) => objectType("escalation"),
  external_system: (objectType) => objectType("externalSystem"),
  gate: (objectType) => objectType("gate"),
  gate_condition: (objectType) => objectType("gateCondition"),
  gate_policy_version: (objectType) => objectType("gatePolicyVersion"),
  go_live_acceptance: (objectType) => objectType("goLiveAcceptance"),
  guardian: (objectType) => objectType("guardian"),
  handover: (objectType) => objectType("handover"),
  interface: (objectType) => objectType("interface"),
  migration_plan: (objectType) => objectType("migrationPlan"),
  migration_wave: (objectType) => objectType("migrationWave"),
  payment_milestone: (objectType) => objectType("paymentMilestone"),
  project: (objectType) => objectType("project"),
  quality_activity: (objectType) => objectType("qualityActivity"),
  quality_evidence: (objectType) => objectType("qualityEvidence"),
  quality_rule: (objectType) => objectType("qualityRule"),
  quality_selection: (objectType) => objectType("qualitySelection"),
  quality_standard: (objectType) => objectType("qualityStandard"),
  release: (objectType) => objectType("release"),
  scope_baseline: (objectType) => objectType("scopeBaseline"),
  scope_item: (objectType) => objectType("scopeItem"),
  site: (objectType) => objectType("site"),
  sprint: (objectType) => objectType("sprint"),
  status_report: (objectType) => objectType("statusReport"),
  training_material: (objectType) => objectType("trainingMaterial"),
  training_module: (objectType) => objectType("trainingModule"),
  training_session: (objectType) => objectType("trainingSession"),
  user: (objectType) => objectType("user"),
  sign_in: (objectType) => objectType("signIn"),
  two_factor_policy: (objectType) => objectType("twoFactorPolicy"),
  validation_run: (objectType) => objectType("validationRun"),
};
