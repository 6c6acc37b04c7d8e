// The audit trail's words in the reader's language: the catalogue area messages/<locale>/auditSentences.json
// (namespaces auditSentences, auditNouns, auditNames, auditFields, auditValues) and, here, one literal call per
// message so the catalogue scan sees every key. lib/domain/audit-sentence.ts stays the rule and writes English;
// lib/audit-sentence-words.ts words the same plan from these translators, and its test proves that the English
// catalogue renders exactly the domain's sentence for every action, so the two cannot drift.
//
// Polish has a gendered past tense ("zatwierdził"/"zatwierdziła") and the app knows no one's gender, so every
// Polish phrase is the actor's name, a colon and a verbal noun: "Paula Martins: zatwierdzenie Statement of Work
// na bramce 7". The object then always stands in the genitive ("akceptacja sprintu", "usunięcie interfejsu"),
// which is why Polish nouns and the names audit-names.ts builds ("sprintu 3", "w wersji 2") are written in the
// genitive. Spanish keeps the English shape: its past tense has no gender ("Paula Martins aprobó …").
import { createTranslator } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { loadMessages, type Messages } from "@/messages/catalogue";

export type Values = Record<string, string | number>;
export type Say<K> = (key: K, values?: Values) => string;
type SentenceKey = keyof Messages["auditSentences"];
type NounKey = keyof Messages["auditNouns"];
type NameKey = keyof Messages["auditNames"];
type FieldKey = keyof Messages["auditFields"];
type ValueKey = keyof Messages["auditValues"];

/** The translators of one language for the audit trail. */
export type AuditWords = {
  locale: Locale;
  sentence: Say<SentenceKey>;
  noun: Say<NounKey>;
  name: Say<NameKey>;
  field: Say<FieldKey>;
  value: Say<ValueKey>;
};

/** The words of one language, anywhere (tests, the data layer's English default). */
export async function auditWordsFor(locale: Locale): Promise<AuditWords> {
  const messages = await loadMessages(locale);
  return {
    locale,
    sentence: createTranslator({ locale, messages, namespace: "auditSentences" }) as Say<SentenceKey>,
    noun: createTranslator({ locale, messages, namespace: "auditNouns" }) as Say<NounKey>,
    name: createTranslator({ locale, messages, namespace: "auditNames" }) as Say<NameKey>,
    field: createTranslator({ locale, messages, namespace: "auditFields" }) as Say<FieldKey>,
    value: createTranslator({ locale, messages, namespace: "auditValues" }) as Say<ValueKey>,
  };
}

/** The words of this request's language, as next-intl chose it (cookie, then Accept-Language). */
export async function requestAuditWords(): Promise<AuditWords> {
  const locale = await getLocale();
  const sentence = await getTranslations("auditSentences");
  const noun = await getTranslations("auditNouns");
  const name = await getTranslations("auditNames");
  const field = await getTranslations("auditFields");
  const value = await getTranslations("auditValues");
  return {
    locale: isLocale(locale) ? locale : "en",
    sentence: sentence as Say<SentenceKey>,
    noun: noun as Say<NounKey>,
    name: name as Say<NameKey>,
    field: field as Say<FieldKey>,
    value: value as Say<ValueKey>,
  };
}

/** The parts of the sentence that are not a phrase of the table. */
export const sentenceWords = {
  system: ({ sentence }: AuditWords) => sentence("system"),
  fallback: ({ sentence }: AuditWords, v: Values) => sentence("fallback", v),
  onGate: ({ sentence }: AuditWords, v: Values) => sentence("onGate", v),
  ofProject: ({ sentence }: AuditWords, v: Values) => sentence("ofProject", v),
  objectGate: ({ sentence }: AuditWords, v: Values) => sentence("objectGate", v),
  otherNoun: ({ noun }: AuditWords, v: Values) => noun("other", v),
  yes: ({ value }: AuditWords) => value("yes"),
  no: ({ value }: AuditWords) => value("no"),
  none: ({ value }: AuditWords) => value("none"),
  items: ({ value }: AuditWords, count: number) => value("items", { count }),
  details: ({ value }: AuditWords) => value("details"),
};

/** The names lib/data/audit-names.ts builds from words ("Sprint 3", "the homologation run"…). */
export const nameWords = {
  sprint: ({ name }: AuditWords, number: number | null) =>
    number === null ? name("sprintUnknown") : name("sprint", { number: String(number) }),
  release: ({ name }: AuditWords, number: number, release: string) =>
    name("release", { number: String(number), name: release }),
  releaseNumber: ({ name }: AuditWords, number: number) => name("releaseNumber", { number: String(number) }),
  baselineVersion: ({ name }: AuditWords, version: number) => name("baselineVersion", { version: String(version) }),
  trainingSession: ({ name }: AuditWords, module: string, date: string) => name("trainingSession", { module, date }),
  validationRun: ({ name }: AuditWords, environment: string) => name("validationRun", { environment }),
  milestoneOfSprint: ({ name }: AuditWords, number: number | null) =>
    number === null ? name("milestoneOfUnknownSprint") : name("milestoneOfSprint", { number: String(number) }),
  selection: ({ name }: AuditWords) => name("selection"),
  policyVersion: ({ name }: AuditWords, policy: string, version: number) =>
    name("policyVersion", { name: policy, version: String(version) }),
  statusReportWeek: ({ name }: AuditWords, date: string) => name("statusReportWeek", { date }),
};

/** Every phrase of AUDIT_PHRASES, by action. */
export const PHRASES: Record<string, (sentence: Say<SentenceKey>, v: Values) => string> = {
  "api_token.create": (sentence, v) => sentence("apiTokenCreate", v),
  "api_token.revoke": (sentence, v) => sentence("apiTokenRevoke", v),
  "artifact.submit": (sentence, v) => sentence("artifactSubmit", v),
  "artifact.version.add": (sentence, v) => sentence("artifactVersionAdd", v),
  "artifact.approve": (sentence, v) => sentence("artifactApprove", v),
  "artifact.request_changes": (sentence, v) => sentence("artifactRequestChanges", v),
  "billing.terms.update": (sentence, v) => sentence("billingTermsUpdate", v),
  "escalation.raise": (sentence, v) => sentence("escalationRaise", v),
  "escalation.triage": (sentence, v) => sentence("escalationTriage", v),
  "escalation.status": (sentence, v) => sentence("escalationStatus", v),
  "gate.board.add": (sentence, v) => sentence("gateBoardAdd", v),
  "gate.board.update": (sentence, v) => sentence("gateBoardUpdate", v),
  "gate.board.remove": (sentence, v) => sentence("gateBoardRemove", v),
  "gate.condition.meet": (sentence, v) => sentence("gateConditionMeet", v),
  "gate.decide": (sentence, v) => sentence("gateDecide", v),
  "gate.plan": (sentence, v) => sentence("gatePlan", v),
  "gate.submit": (sentence, v) => sentence("gateSubmit", v),
  "gate.vote": (sentence, v) => sentence("gateVote", v),
  "gate.vote.change": (sentence, v) => sentence("gateVoteChange", v),
  "go_live_acceptance.create": (sentence, v) => sentence("goLiveAcceptanceCreate", v),
  "go_live_acceptance.update": (sentence, v) => sentence("goLiveAcceptanceUpdate", v),
  "go_live_acceptance.sign": (sentence, v) => sentence("goLiveAcceptanceSign", v),
  "go_live_acceptance.complete": (sentence, v) => sentence("goLiveAcceptanceComplete", v),
  "guardian.nominate": (sentence, v) => sentence("guardianNominate", v),
  "guardian.renominate": (sentence, v) => sentence("guardianRenominate", v),
  "guardian.certify": (sentence, v) => sentence("guardianCertify", v),
  "guardian.decertify": (sentence, v) => sentence("guardianDecertify", v),
  "guardian.move": (sentence, v) => sentence("guardianMove", v),
  "guardian.withdraw": (sentence, v) => sentence("guardianWithdraw", v),
  "handover.record": (sentence, v) => sentence("handoverRecord", v),
  "interface.create": (sentence, v) => sentence("interfaceCreate", v),
  "interface.update": (sentence, v) => sentence("interfaceUpdate", v),
  "interface.delete": (sentence, v) => sentence("interfaceDelete", v),
  "interface.advance": (sentence, v) => sentence("interfaceAdvance", v),
  "interface.reopen": (sentence, v) => sentence("interfaceReopen", v),
  "migration_plan.update": (sentence, v) => sentence("migrationPlanUpdate", v),
  "migration_raci.update": (sentence, v) => sentence("migrationRaciUpdate", v),
  "migration_run.record": (sentence, v) => sentence("migrationRunRecord", v),
  "migration_wave.create": (sentence, v) => sentence("migrationWaveCreate", v),
  "migration_wave.start": (sentence, v) => sentence("migrationWaveStart", v),
  "migration_wave.update": (sentence, v) => sentence("migrationWaveUpdate", v),
  "milestone.billable": (sentence, v) => sentence("milestoneBillable", v),
  "milestone.invoice": (sentence, v) => sentence("milestoneInvoice", v),
  "milestone.paid": (sentence, v) => sentence("milestonePaid", v),
  "organization.create": (sentence, v) => sentence("organizationCreate", v),
  "policy.publish": (sentence, v) => sentence("policyPublish", v),
  "project.create": (sentence, v) => sentence("projectCreate", v),
  "project.update": (sentence, v) => sentence("projectUpdate", v),
  "project.gate_advance": (sentence, v) => sentence("projectGateAdvance", v),
  "project.go_live": (sentence, v) => sentence("projectGoLive", v),
  "project.member.add": (sentence, v) => sentence("projectMemberAdd", v),
  "project.member.remove": (sentence, v) => sentence("projectMemberRemove", v),
  "quality.activity.add": (sentence, v) => sentence("qualityActivityAdd", v),
  "quality.activity.update": (sentence, v) => sentence("qualityActivityUpdate", v),
  "quality.activity.remove": (sentence, v) => sentence("qualityActivityRemove", v),
  "quality.evidence.record": (sentence, v) => sentence("qualityEvidenceRecord", v),
  "quality.level.update": (sentence, v) => sentence("qualityLevelUpdate", v),
  "quality.rule.add": (sentence, v) => sentence("qualityRuleAdd", v),
  "quality.rule.update": (sentence, v) => sentence("qualityRuleUpdate", v),
  "quality.rule.remove": (sentence, v) => sentence("qualityRuleRemove", v),
  "quality.selection.create": (sentence, v) => sentence("qualitySelectionCreate", v),
  "quality.selection.change": (sentence, v) => sentence("qualitySelectionChange", v),
  "release.create": (sentence, v) => sentence("releaseCreate", v),
  "release.update": (sentence, v) => sentence("releaseUpdate", v),
  "scope.added": (sentence, v) => sentence("scopeAdded", v),
  "scope.changed": (sentence, v) => sentence("scopeChanged", v),
  "scope.removed": (sentence, v) => sentence("scopeRemoved", v),
  "scope.baseline.approve": (sentence, v) => sentence("scopeBaselineApprove", v),
  "site.create": (sentence, v) => sentence("siteCreate", v),
  "sprint.plan": (sentence, v) => sentence("sprintPlan", v),
  "sprint.start": (sentence, v) => sentence("sprintStart", v),
  "sprint.submit_review": (sentence, v) => sentence("sprintSubmitReview", v),
  "sprint.accept": (sentence, v) => sentence("sprintAccept", v),
  "sprint.reject": (sentence, v) => sentence("sprintReject", v),
  "sprint.reopen": (sentence, v) => sentence("sprintReopen", v),
  "sprint.deployment.record": (sentence, v) => sentence("sprintDeploymentRecord", v),
  "sprint.escaped_defects.record": (sentence, v) => sentence("sprintEscapedDefectsRecord", v),
  "status_report.generate": (sentence, v) => sentence("statusReportGenerate", v),
  "system.create": (sentence, v) => sentence("systemCreate", v),
  "system.update": (sentence, v) => sentence("systemUpdate", v),
  "system.delete": (sentence, v) => sentence("systemDelete", v),
  "training.attendance.record": (sentence, v) => sentence("trainingAttendanceRecord", v),
  "training.material.add": (sentence, v) => sentence("trainingMaterialAdd", v),
  "training.module.create": (sentence, v) => sentence("trainingModuleCreate", v),
  "training.module.update": (sentence, v) => sentence("trainingModuleUpdate", v),
  "training.session.schedule": (sentence, v) => sentence("trainingSessionSchedule", v),
  "training.session.enrol": (sentence, v) => sentence("trainingSessionEnrol", v),
  "training.session.cancel": (sentence, v) => sentence("trainingSessionCancel", v),
  "user.create": (sentence, v) => sentence("userCreate", v),
  "user.disable": (sentence, v) => sentence("userDisable", v),
  "user.enable": (sentence, v) => sentence("userEnable", v),
  "user.password.change": (sentence, v) => sentence("userPasswordChange", v),
  "user.password.reset": (sentence, v) => sentence("userPasswordReset", v),
  "user.sessions.revoke": (sentence, v) => sentence("userSessionsRevoke", v),
  "validation_run.open": (sentence, v) => sentence("validationRunOpen", v),
  "validation_run.close": (sentence, v) => sentence("validationRunClose", v),
  "validation_scenario.add": (sentence, v) => sentence("validationScenarioAdd", v),
  "validation_scenario.move": (sentence, v) => sentence("validationScenarioMove", v),
  "validation_scenario.record": (sentence, v) => sentence("validationScenarioRecord", v),
  "validation_scenario.remove": (sentence, v) => sentence("validationScenarioRemove", v),
};

/** Each object type's noun, where the phrase needs one ("an artifact"). */
export const NOUNS: Record<string, (noun: Say<NounKey>) => string> = {
  api_token: (noun) => noun("apiToken"),
  artifact: (noun) => noun("artifact"),
  client_organization: (noun) => noun("clientOrganization"),
  escalation: (noun) => noun("escalation"),
  external_system: (noun) => noun("externalSystem"),
  gate: (noun) => noun("gate"),
  gate_condition: (noun) => noun("gateCondition"),
  gate_policy_version: (noun) => noun("gatePolicyVersion"),
  go_live_acceptance: (noun) => noun("goLiveAcceptance"),
  guardian: (noun) => noun("guardian"),
  handover: (noun) => noun("handover"),
  interface: (noun) => noun("interface"),
  migration_plan: (noun) => noun("migrationPlan"),
  migration_wave: (noun) => noun("migrationWave"),
  payment_milestone: (noun) => noun("paymentMilestone"),
  project: (noun) => noun("project"),
  quality_activity: (noun) => noun("qualityActivity"),
  quality_evidence: (noun) => noun("qualityEvidence"),
  quality_rule: (noun) => noun("qualityRule"),
  quality_selection: (noun) => noun("qualitySelection"),
  quality_standard: (noun) => noun("qualityStandard"),
  release: (noun) => noun("release"),
  scope_baseline: (noun) => noun("scopeBaseline"),
  scope_item: (noun) => noun("scopeItem"),
  site: (noun) => noun("site"),
  sprint: (noun) => noun("sprint"),
  status_report: (noun) => noun("statusReport"),
  training_material: (noun) => noun("trainingMaterial"),
  training_module: (noun) => noun("trainingModule"),
  training_session: (noun) => noun("trainingSession"),
  user: (noun) => noun("user"),
  validation_run: (noun) => noun("validationRun"),
};

/** The enum values the app knows (statuses, votes, decisions, roles…), by their stored code. */
export const VALUES: Record<string, (value: Say<ValueKey>) => string> = {
  go: (value) => value("go"),
  conditional_go: (value) => value("conditionalGo"),
  hold: (value) => value("hold"),
  recycle: (value) => value("recycle"),
  kill: (value) => value("kill"),
  recycled: (value) => value("recycled"),
  killed: (value) => value("killed"),
  pending: (value) => value("pending"),
  in_review: (value) => value("inReview"),
  missing: (value) => value("missing"),
  submitted: (value) => value("submitted"),
  approved: (value) => value("approved"),
  changes_requested: (value) => value("changesRequested"),
  proposed: (value) => value("proposed"),
  planned: (value) => value("planned"),
  in_progress: (value) => value("inProgress"),
  done: (value) => value("done"),
  dropped: (value) => value("dropped"),
  active: (value) => value("active"),
  accepted: (value) => value("accepted"),
  rejected: (value) => value("rejected"),
  billable: (value) => value("billable"),
  invoiced: (value) => value("invoiced"),
  paid: (value) => value("paid"),
  nominated: (value) => value("nominated"),
  in_training: (value) => value("inTraining"),
  certified: (value) => value("certified"),
  withdrawn: (value) => value("withdrawn"),
  designed: (value) => value("designed"),
  developed: (value) => value("developed"),
  tested: (value) => value("tested"),
  live: (value) => value("live"),
  open: (value) => value("open"),
  triaged: (value) => value("triaged"),
  resolved: (value) => value("resolved"),
  closed: (value) => value("closed"),
  passed: (value) => value("passed"),
  failed: (value) => value("failed"),
  pass: (value) => value("pass"),
  fail: (value) => value("fail"),
  waived: (value) => value("waived"),
  rehearsing: (value) => value("rehearsing"),
  ready: (value) => value("ready"),
  migrating: (value) => value("migrating"),
  completed: (value) => value("completed"),
  on_hold: (value) => value("onHold"),
  project_manager: (value) => value("projectManager"),
  team_member: (value) => value("teamMember"),
  integrator: (value) => value("integrator"),
  client_owner: (value) => value("clientOwner"),
  guardian: (value) => value("guardian"),
  client_viewer: (value) => value("clientViewer"),
  admin: (value) => value("admin"),
  staff: (value) => value("staff"),
  client: (value) => value("client"),
  development: (value) => value("development"),
  homologation: (value) => value("homologation"),
  production: (value) => value("production"),
  rehearsal: (value) => value("rehearsal"),
  unanimous: (value) => value("unanimous"),
  quorum: (value) => value("quorum"),
  majority: (value) => value("majority"),
  approve: (value) => value("approve"),
  request_changes: (value) => value("requestChanges"),
  signed: (value) => value("signed"),
};

/** Field labels of the changes list; a field not listed keeps the English label the domain gives it. */
export const FIELDS: Record<string, (field: Say<FieldKey>) => string> = {
  status: (field) => field("status"),
  name: (field) => field("name"),
  title: (field) => field("title"),
  description: (field) => field("description"),
  version: (field) => field("version"),
  number: (field) => field("number"),
  plannedDate: (field) => field("plannedDate"),
  targetDate: (field) => field("targetDate"),
  targetGoLiveDate: (field) => field("targetGoLiveDate"),
  startDate: (field) => field("startDate"),
  endDate: (field) => field("endDate"),
  dueDate: (field) => field("dueDate"),
  startsAt: (field) => field("startsAt"),
  endsAt: (field) => field("endsAt"),
  role: (field) => field("role"),
  email: (field) => field("email"),
  userId: (field) => field("userId"),
  required: (field) => field("required"),
  reason: (field) => field("reason"),
  comment: (field) => field("comment"),
  amount: (field) => field("amount"),
  currency: (field) => field("currency"),
  acceptedDays: (field) => field("acceptedDays"),
  internalNotes: (field) => field("internalNotes"),
  goal: (field) => field("goal"),
  items: (field) => field("items"),
  scope: (field) => field("scope"),
  kind: (field) => field("kind"),
  purpose: (field) => field("purpose"),
  minPoints: (field) => field("minPoints"),
  decision: (field) => field("decision"),
  vote: (field) => field("vote"),
  conditions: (field) => field("conditions"),
  result: (field) => field("result"),
  notes: (field) => field("notes"),
  score: (field) => field("score"),
  attended: (field) => field("attended"),
  attendeeIds: (field) => field("attendeeIds"),
  guardianIds: (field) => field("guardianIds"),
  escapedDefects: (field) => field("escapedDefects"),
  sprintNumber: (field) => field("sprintNumber"),
  releaseVersion: (field) => field("releaseVersion"),
  environment: (field) => field("environment"),
  deployedOn: (field) => field("deployedOn"),
  weekOf: (field) => field("weekOf"),
  isoWeek: (field) => field("isoWeek"),
  totalDays: (field) => field("totalDays"),
  locale: (field) => field("locale"),
  timeZone: (field) => field("timeZone"),
  expiresAt: (field) => field("expiresAt"),
  renewed: (field) => field("renewed"),
  revoked: (field) => field("revoked"),
  via: (field) => field("via"),
  policy: (field) => field("policy"),
  languages: (field) => field("languages"),
  scenario: (field) => field("scenario"),
  sourceSystems: (field) => field("sourceSystems"),
  owner: (field) => field("owner"),
  ownerId: (field) => field("ownerId"),
  blocking: (field) => field("blocking"),
  modules: (field) => field("modules"),
  chosenLevel: (field) => field("chosenLevel"),
  level: (field) => field("level"),
  justification: (field) => field("justification"),
  currentGate: (field) => field("currentGate"),
  priority: (field) => field("priority"),
  severity: (field) => field("severity"),
  assigneeId: (field) => field("assigneeId"),
  resolution: (field) => field("resolution"),
  siteId: (field) => field("siteId"),
  category: (field) => field("category"),
  estimateDays: (field) => field("estimateDays"),
  sprintId: (field) => field("sprintId"),
  direction: (field) => field("direction"),
  protocol: (field) => field("protocol"),
  sourceSystemId: (field) => field("sourceSystemId"),
  targetSystemId: (field) => field("targetSystemId"),
  decisionRule: (field) => field("decisionRule"),
  capacityDays: (field) => field("capacityDays"),
  statementSha256: (field) => field("statementSha256"),
  invoiceReference: (field) => field("invoiceReference"),
  percentage: (field) => field("percentage"),
};
