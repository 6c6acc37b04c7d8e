// A refused command and a problem answer in the reader's language. English is the domain's own
// sentence (lib/domain/*, which the tests assert); Spanish and Polish come from the catalogue area
// messages/<locale>/refusals.json: namespace `refusals` keyed by the refusal's code and variant
// (refusalKey), namespace `problems` for the generic answers. lib/domain/refusal-catalogue.test.ts
// proves the English catalogue renders every sentence the domain produces, so the two cannot drift.
// Every key is called by its literal name below, so the catalogue scan sees which keys are used.
import { createTranslator } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { refusalKey, type Refusal, type RefusalParams } from "@/lib/domain/refusal";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { requestValidationWords, type ValidationWords, validationWordsFor } from "@/lib/validation/custom-messages";
import { loadMessages, type Messages } from "@/messages/catalogue";

export type RefusalKey = keyof Messages["refusals"];
export type ProblemKey = keyof Messages["problems"];

type Say<K> = (key: K, values?: RefusalParams) => string;

/** The translators of one language: refusal sentences, the generic problem words, validation messages. */
export type Words = { locale: Locale; t: Say<RefusalKey>; problem: Say<ProblemKey>; validation: ValidationWords };

const wordsOf = new Map<Locale, Promise<Words>>();

/**
 * The words of one language, anywhere (an API request's own Accept-Language, a test): made once
 * per language and process, as every API request asks for them before it knows it will need them.
 */
export function wordsFor(locale: Locale): Promise<Words> {
  let words = wordsOf.get(locale);
  if (!words) {
    words = loadMessages(locale).then((messages) => ({
      locale,
      t: createTranslator({ locale, messages, namespace: "refusals" }) as Say<RefusalKey>,
      problem: createTranslator({ locale, messages, namespace: "problems" }) as Say<ProblemKey>,
      validation: validationWordsFor(locale, messages),
    }));
    words.catch(() => wordsOf.delete(locale));
    wordsOf.set(locale, words);
  }
  return words;
}

/**
 * The words of this request's language as next-intl chose it (cookie, then Accept-Language), or
 * null outside a request — scripts and unit tests — where callers keep the English sentence.
 */
export async function requestWords(): Promise<Words | null> {
  try {
    const locale = await getLocale();
    if (!isLocale(locale)) return null;
    const t = await getTranslations("refusals");
    const problem = await getTranslations("problems");
    const validation = await requestValidationWords(locale);
    return { locale, t: t as Say<RefusalKey>, problem: problem as Say<ProblemKey>, validation };
  } catch {
    return null;
  }
}

/** A refusal's sentence in these words; a refusal the catalogue does not know keeps its English. */
export function refusalSentence(words: Words, refusal: Pick<Refusal, "code" | "variant" | "params" | "message">) {
  if (words.locale === "en") return refusal.message;
  const key = refusalKey(refusal);
  const say = Object.hasOwn(SENTENCES, key) ? SENTENCES[key as RefusalKey] : undefined;
  return say ? say(words.t, refusal.params ?? {}) : refusal.message;
}

/** One generic problem sentence; English callers pass their own (which may name the object). */
export function problemSentence(words: Words, key: ProblemKey, english: string, params: RefusalParams = {}) {
  return words.locale === "en" ? english : PROBLEMS[key](words.problem, params);
}

/** Whether a key (a domain finding's, typed as a plain string there) is one of the problem sentences. */
export const isProblemKey = (key: string): key is ProblemKey => Object.hasOwn(PROBLEMS, key);

type Sentence<K> = (t: Say<K>, p: RefusalParams) => string;

/** Every refusal sentence, by catalogue key. */
export const SENTENCES: Record<RefusalKey, Sentence<RefusalKey>> = {
  gateClosedChange: (t, p) => t("gateClosedChange", p),
  gateClosedReview: (t, p) => t("gateClosedReview", p),
  notOnBoardArtifacts: (t, p) => t("notOnBoardArtifacts", p),
  projectReadOnly: (t, p) => t("projectReadOnly", p),
  noVersion: (t, p) => t("noVersion", p),
  ownVersion: (t, p) => t("ownVersion", p),
  commentRequired: (t, p) => t("commentRequired", p),
  milestoneNotPending: (t, p) => t("milestoneNotPending", p),
  milestoneBadAmount: (t, p) => t("milestoneBadAmount", p),
  milestoneNotBillable: (t, p) => t("milestoneNotBillable", p),
  milestoneInvoiceReferenceRequired: (t, p) => t("milestoneInvoiceReferenceRequired", p),
  milestoneNotInvoiced: (t, p) => t("milestoneNotInvoiced", p),
  notGuardianEscalation: (t, p) => t("notGuardianEscalation", p),
  guardianWithdrawnEscalation: (t, p) => t("guardianWithdrawnEscalation", p),
  guardianNotCertifiedEscalation: (t, p) => t("guardianNotCertifiedEscalation", p),
  guardianNotCertifiedEscalationNoModules: (t, p) => t("guardianNotCertifiedEscalationNoModules", p),
  escalationClosed: (t, p) => t("escalationClosed", p),
  invalidTransitionOneWay: (t, p) => t("invalidTransitionOneWay", p),
  invalidTransitionTwoWays: (t, p) => t("invalidTransitionTwoWays", p),
  resolutionRequired: (t, p) => t("resolutionRequired", p),
  assigneeRequired: (t, p) => t("assigneeRequired", p),
  projectNotActiveGates: (t, p) => t("projectNotActiveGates", p),
  notCurrentGate: (t, p) => t("notCurrentGate", p),
  gateNotSubmittableInReview: (t, p) => t("gateNotSubmittableInReview", p),
  gateNotSubmittableDecided: (t, p) => t("gateNotSubmittableDecided", p),
  gateMissingRequirements: (t, p) => t("gateMissingRequirements", p),
  boardCannotDecide: (t, p) => t("boardCannotDecide", p),
  notOnBoard: (t, p) => t("notOnBoard", p),
  gateNotInReviewVote: (t, p) => t("gateNotInReviewVote", p),
  notOnBoardDecide: (t, p) => t("notOnBoardDecide", p),
  gateNotInReviewDecide: (t, p) => t("gateNotInReviewDecide", p),
  conditionsRequired: (t, p) => t("conditionsRequired", p),
  conditionsOnlyForConditionalGo: (t, p) => t("conditionsOnlyForConditionalGo", p),
  artifactsNotApproved: (t, p) => t("artifactsNotApproved", p),
  decisionRuleNotMet: (t, p) => t("decisionRuleNotMet", p),
  boardLockedInReview: (t, p) => t("boardLockedInReview", p),
  boardLockedDecided: (t, p) => t("boardLockedDecided", p),
  conditionAlreadyMet: (t, p) => t("conditionAlreadyMet", p),
  acceptanceFrozen: (t, p) => t("acceptanceFrozen", p),
  statementRequired: (t, p) => t("statementRequired", p),
  signerTwice: (t, p) => t("signerTwice", p),
  ownerRequired: (t, p) => t("ownerRequired", p),
  signerNotOwner: (t, p) => t("signerNotOwner", p),
  guardianNotCertifiedSigners: (t, p) => t("guardianNotCertifiedSigners", p),
  goLiveNotReady: (t, p) => t("goLiveNotReady", p),
  acceptanceNotSetUp: (t, p) => t("acceptanceNotSetUp", p),
  acceptanceComplete: (t, p) => t("acceptanceComplete", p),
  notASigner: (t, p) => t("notASigner", p),
  alreadySigned: (t, p) => t("alreadySigned", p),
  guardianNotCertifiedSigning: (t, p) => t("guardianNotCertifiedSigning", p),
  statementMismatch: (t, p) => t("statementMismatch", p),
  handoverRecorded: (t, p) => t("handoverRecorded", p),
  acceptanceIncomplete: (t, p) => t("acceptanceIncomplete", p),
  projectNotActiveGoLive: (t, p) => t("projectNotActiveGoLive", p),
  alreadyGuardian: (t, p) => t("alreadyGuardian", p),
  notGuardianPerson: (t, p) => t("notGuardianPerson", p),
  alreadyWithdrawn: (t, p) => t("alreadyWithdrawn", p),
  guardianWithdrawnMove: (t, p) => t("guardianWithdrawnMove", p),
  interfaceSameStatus: (t, p) => t("interfaceSameStatus", p),
  interfaceSkipsAStep: (t, p) => t("interfaceSkipsAStep", p),
  interfaceReasonRequired: (t, p) => t("interfaceReasonRequired", p),
  waveCompletedRuns: (t, p) => t("waveCompletedRuns", p),
  waveMigrating: (t, p) => t("waveMigrating", p),
  rehearsalNotPassed: (t, p) => t("rehearsalNotPassed", p),
  waveNotReady: (t, p) => t("waveNotReady", p),
  waveCompletedPlan: (t, p) => t("waveCompletedPlan", p),
  raciInvalid: (t, p) => t("raciInvalid", p),
  invalidRun: (t, p) => t("invalidRun", p),
  invalidPolicy: (t, p) => t("invalidPolicy", p),
  staleVersion: (t, p) => t("staleVersion", p),
  policyUnchanged: (t, p) => t("policyUnchanged", p),
  sprintNotOpenStandard: (t, p) => t("sprintNotOpenStandard", p),
  unknownLevel: (t, p) => t("unknownLevel", p),
  justificationRequired: (t, p) => t("justificationRequired", p),
  sprintNotOpenEvidence: (t, p) => t("sprintNotOpenEvidence", p),
  activityNotRequired: (t, p) => t("activityNotRequired", p),
  waiverReasonRequired: (t, p) => t("waiverReasonRequired", p),
  proofRequired: (t, p) => t("proofRequired", p),
  releaseStandardInUse: (t, p) => t("releaseStandardInUse", p),
  scopeReasonRequired: (t, p) => t("scopeReasonRequired", p),
  scopeItemDelivered: (t, p) => t("scopeItemDelivered", p),
  scopeItemDropped: (t, p) => t("scopeItemDropped", p),
  scopeNoChange: (t, p) => t("scopeNoChange", p),
  baselineEmpty: (t, p) => t("baselineEmpty", p),
  sprintNoCapacity: (t, p) => t("sprintNoCapacity", p),
  sprintOverCapacity: (t, p) => t("sprintOverCapacity", p),
  sprintPlanLocked: (t, p) => t("sprintPlanLocked", p),
  sprintNotPlanned: (t, p) => t("sprintNotPlanned", p),
  sprintEmpty: (t, p) => t("sprintEmpty", p),
  sprintNotDelivering: (t, p) => t("sprintNotDelivering", p),
  sprintNotActive: (t, p) => t("sprintNotActive", p),
  sprintNotInReviewAccept: (t, p) => t("sprintNotInReviewAccept", p),
  sprintAcceptanceIncomplete: (t, p) => t("sprintAcceptanceIncomplete", p),
  sprintNotInReviewReject: (t, p) => t("sprintNotInReviewReject", p),
  sprintRejectNeedsComment: (t, p) => t("sprintRejectNeedsComment", p),
  sprintNotRejected: (t, p) => t("sprintNotRejected", p),
  sessionNotStarted: (t, p) => t("sessionNotStarted", p),
  notEnrolled: (t, p) => t("notEnrolled", p),
  scoreWithoutAttendance: (t, p) => t("scoreWithoutAttendance", p),
  duplicateAttendee: (t, p) => t("duplicateAttendee", p),
  sessionHasAttendance: (t, p) => t("sessionHasAttendance", p),
  validationRunOpen: (t, p) => t("validationRunOpen", p),
  homologationNotPassed: (t, p) => t("homologationNotPassed", p),
  noScenarios: (t, p) => t("noScenarios", p),
  validationRunClosed: (t, p) => t("validationRunClosed", p),
  scenarioUnknown: (t, p) => t("scenarioUnknown", p),
  scenarioRecorded: (t, p) => t("scenarioRecorded", p),
  lastScenario: (t, p) => t("lastScenario", p),
  scenarioAtEdge: (t, p) => t("scenarioAtEdge", p),
  failureNeedsNotes: (t, p) => t("failureNeedsNotes", p),
  scenariosPending: (t, p) => t("scenariosPending", p),
  failedRunNeedsNote: (t, p) => t("failedRunNeedsNote", p),
};

/** The generic problem words: titles by error code, and the answers that are not a domain refusal. */
const PROBLEMS: Record<ProblemKey, Sentence<ProblemKey>> = {
  titleUnauthenticated: (problem) => problem("titleUnauthenticated"),
  titleForbidden: (problem) => problem("titleForbidden"),
  titleNotFound: (problem) => problem("titleNotFound"),
  titleConflict: (problem) => problem("titleConflict"),
  titleStaleVersion: (problem) => problem("titleStaleVersion"),
  titleRuleRefused: (problem) => problem("titleRuleRefused"),
  titlePayloadTooLarge: (problem) => problem("titlePayloadTooLarge"),
  titleUnsupportedMediaType: (problem) => problem("titleUnsupportedMediaType"),
  titleInvalidInput: (problem) => problem("titleInvalidInput"),
  titleRateLimited: (problem) => problem("titleRateLimited"),
  titleInternal: (problem) => problem("titleInternal"),
  notFound: (problem, p) => problem("notFound", p),
  forbidden: (problem) => problem("forbidden"),
  staleVersion: (problem, p) => problem("staleVersion", p),
  internal: (problem) => problem("internal"),
  invalidFields: (problem) => problem("invalidFields"),
  invalidJson: (problem) => problem("invalidJson"),
  invalidMultipart: (problem) => problem("invalidMultipart"),
  multipartRequired: (problem) => problem("multipartRequired"),
  invalidToken: (problem) => problem("invalidToken"),
  sessionNotFound: (problem) => problem("sessionNotFound"),
  signInOrToken: (problem) => problem("signInOrToken"),
  passwordChangeRequired: (problem) => problem("passwordChangeRequired"),
  crossSite: (problem) => problem("crossSite"),
  correctFields: (problem) => problem("correctFields"),
  sessionEnded: (problem) => problem("sessionEnded"),
  somethingWentWrong: (problem) => problem("somethingWentWrong"),
  baselineMissing: (problem) => problem("baselineMissing"),
  mvpArtifactMissing: (problem) => problem("mvpArtifactMissing"),
  selfDisable: (problem) => problem("selfDisable"),
  wrongCurrentPassword: (problem) => problem("wrongCurrentPassword"),
  notCurrentPassword: (problem) => problem("notCurrentPassword"),
  twoFactorAlreadyOn: (problem) => problem("twoFactorAlreadyOn"),
  twoFactorNotOn: (problem) => problem("twoFactorNotOn"),
  twoFactorNoEnrolment: (problem) => problem("twoFactorNoEnrolment"),
  twoFactorEnrolmentExpired: (problem) => problem("twoFactorEnrolmentExpired"),
  twoFactorWrongCode: (problem) => problem("twoFactorWrongCode"),
  twoFactorReusedCode: (problem) => problem("twoFactorReusedCode"),
  twoFactorRequiredByPolicy: (problem) => problem("twoFactorRequiredByPolicy"),
  twoFactorSetupRequired: (problem) => problem("twoFactorSetupRequired"),
  organisationNameTaken: (problem) => problem("organisationNameTaken"),
  organisationNameTakenAlready: (problem) => problem("organisationNameTakenAlready"),
  singleSignOnDomainInvalid: (problem, p) => problem("singleSignOnDomainInvalid", p),
  singleSignOnDomainTaken: (problem, p) => problem("singleSignOnDomainTaken", p),
  passwordSignInNeedsSingleSignOn: (problem) => problem("passwordSignInNeedsSingleSignOn"),
  passwordSignInOwnAccount: (problem) => problem("passwordSignInOwnAccount"),
  siteNameTaken: (problem) => problem("siteNameTaken"),
  siteNameTakenInProject: (problem) => problem("siteNameTakenInProject"),
  chooseProjectSite: (problem) => problem("chooseProjectSite"),
  unknownSite: (problem) => problem("unknownSite"),
  chooseActiveClientAccount: (problem) => problem("chooseActiveClientAccount"),
  guardianAccountRequired: (problem) => problem("guardianAccountRequired"),
  vendorCreatesProjects: (problem) => problem("vendorCreatesProjects"),
  chooseClientOrganisation: (problem) => problem("chooseClientOrganisation"),
  unknownClientOrganisation: (problem) => problem("unknownClientOrganisation"),
  unknownOrganisation: (problem) => problem("unknownOrganisation"),
  statusByWorkflow: (problem) => problem("statusByWorkflow"),
  tooManyWrongPasswords: (problem, p) => problem("tooManyWrongPasswords", p),
  tooManyWrongPasswordsOrCodes: (problem, p) => problem("tooManyWrongPasswordsOrCodes", p),
  wrongPasswordNothingSigned: (problem) => problem("wrongPasswordNothingSigned"),
  wrongPassword: (problem) => problem("wrongPassword"),
  acceptanceChangedWhileSigning: (problem) => problem("acceptanceChangedWhileSigning"),
  projectChangedMeanwhile: (problem) => problem("projectChangedMeanwhile"),
  chooseActiveUser: (problem) => problem("chooseActiveUser"),
  boardClientOrganisation: (problem) => problem("boardClientOrganisation"),
  userNotOnBoard: (problem) => problem("userNotOnBoard"),
  gatePlannedBeforeStart: (problem, p) => problem("gatePlannedBeforeStart", p),
  noAccountWithEmail: (problem) => problem("noAccountWithEmail"),
  noAccountAskAdministrator: (problem) => problem("noAccountAskAdministrator"),
  accountUnknownOrDisabled: (problem) => problem("accountUnknownOrDisabled"),
  accountOtherOrganisation: (problem) => problem("accountOtherOrganisation"),
  clientRolesOnly: (problem) => problem("clientRolesOnly"),
  vendorRolesOnly: (problem) => problem("vendorRolesOnly"),
  memberWithoutAccount: (problem, p) => problem("memberWithoutAccount", p),
  memberUnknownOrDisabled: (problem, p) => problem("memberUnknownOrDisabled", p),
  memberOtherOrganisation: (problem, p) => problem("memberOtherOrganisation", p),
  memberClientRolesOnly: (problem, p) => problem("memberClientRolesOnly", p),
  memberVendorRolesOnly: (problem, p) => problem("memberVendorRolesOnly", p),
  lastProjectManager: (problem) => problem("lastProjectManager"),
  invalidCursor: (problem) => problem("invalidCursor"),
  invalidCursorUseNext: (problem) => problem("invalidCursorUseNext"),
  invalidCursorShort: (problem) => problem("invalidCursorShort"),
  vendorChoosesPolicies: (problem) => problem("vendorChoosesPolicies"),
  scopeItemsNotCommittable: (problem) => problem("scopeItemsNotCommittable"),
  pickOpenScopeItems: (problem) => problem("pickOpenScopeItems"),
  billingVendorOnly: (problem) => problem("billingVendorOnly"),
  qualityScaleEmpty: (problem) => problem("qualityScaleEmpty"),
  noSprintQualitySelection: (problem) => problem("noSprintQualitySelection"),
  noReleaseQualitySelection: (problem) => problem("noReleaseQualitySelection"),
  fileTooLarge: (problem, p) => problem("fileTooLarge", p),
  fileEmpty: (problem) => problem("fileEmpty"),
  fileTypeNotAccepted: (problem, p) => problem("fileTypeNotAccepted", p),
  fileNotRealType: (problem, p) => problem("fileNotRealType", p),
  fileNotText: (problem, p) => problem("fileNotText", p),
  chooseTrainingModule: (problem) => problem("chooseTrainingModule"),
  unknownTrainingModule: (problem) => problem("unknownTrainingModule"),
  projectNoLongerChanges: (problem, p) => problem("projectNoLongerChanges", p),
  emailTaken: (problem) => problem("emailTaken"),
  accountActive: (problem, p) => problem("accountActive", p),
  accountDisabled: (problem) => problem("accountDisabled"),
  accountInvited: (problem, p) => problem("accountInvited", p),
  noOpenLink: (problem) => problem("noOpenLink"),
  linkUsed: (problem) => problem("linkUsed"),
  linkRevoked: (problem) => problem("linkRevoked"),
  linkExpired: (problem, p) => problem("linkExpired", p),
  linkUnknown: (problem) => problem("linkUnknown"),
  resetLinkUsed: (problem) => problem("resetLinkUsed"),
  resetLinkExpired: (problem) => problem("resetLinkExpired"),
  resetLinkSuperseded: (problem) => problem("resetLinkSuperseded"),
  resetLinkUnknown: (problem) => problem("resetLinkUnknown"),
  activityKeyTaken: (problem, p) => problem("activityKeyTaken", p),
  assignVendorMember: (problem) => problem("assignVendorMember"),
  chooseVendorMember: (problem) => problem("chooseVendorMember"),
  noDiagramArtifact: (problem) => problem("noDiagramArtifact"),
  chooseGatePolicy: (problem) => problem("chooseGatePolicy"),
  unknownGatePolicy: (problem) => problem("unknownGatePolicy"),
  clientOwnerAccount: (problem) => problem("clientOwnerAccount"),
  previewNotAvailable: (problem) => problem("previewNotAvailable"),
  uploadTampered: (problem) => problem("uploadTampered"),
  uploadKeyMissing: (problem) => problem("uploadKeyMissing"),
  chooseRelease: (problem) => problem("chooseRelease"),
  unknownRelease: (problem) => problem("unknownRelease"),
  systemNameTaken: (problem) => problem("systemNameTaken"),
  systemNameTakenInProject: (problem) => problem("systemNameTakenInProject"),
  interfaceNameTaken: (problem) => problem("interfaceNameTaken"),
  systemHasInterfaces: (problem, p) => problem("systemHasInterfaces", p),
  interfaceLive: (problem) => problem("interfaceLive"),
  conditionOwnerInvalid: (problem) => problem("conditionOwnerInvalid"),
  chooseConditionOwner: (problem) => problem("chooseConditionOwner"),
  conditionOwnerOrManager: (problem) => problem("conditionOwnerOrManager"),
  activeGuardiansOnly: (problem) => problem("activeGuardiansOnly"),
  chooseActiveGuardians: (problem) => problem("chooseActiveGuardians"),
  trainerVendorMember: (problem) => problem("trainerVendorMember"),
  adminsOnly: (problem) => problem("adminsOnly"),
  adminsSetUpInstallation: (problem) => problem("adminsSetUpInstallation"),
  adminsInviteOrReset: (problem) => problem("adminsInviteOrReset"),
  adminsEditQualityScale: (problem) => problem("adminsEditQualityScale"),
  adminsSeeAuditTrail: (problem) => problem("adminsSeeAuditTrail"),
  adminsSeeAuditChain: (problem) => problem("adminsSeeAuditChain"),
  adminsVerifyAuditChain: (problem) => problem("adminsVerifyAuditChain"),
  adminsManagePolicies: (problem) => problem("adminsManagePolicies"),
  raciUnnamed: (problem, p) => problem("raciUnnamed", p),
  raciDuplicate: (problem, p) => problem("raciDuplicate", p),
  raciPhase: (problem, p) => problem("raciPhase", p),
  raciRole: (problem, p) => problem("raciRole", p),
  raciLetter: (problem, p) => problem("raciLetter", p),
  raciAccountable: (problem, p) => problem("raciAccountable", p),
  raciResponsible: (problem, p) => problem("raciResponsible", p),
  runWholeNumber: (problem) => problem("runWholeNumber"),
  runExtractsOne: (problem) => problem("runExtractsOne"),
  runLoadedExceeds: (problem, p) => problem("runLoadedExceeds", p),
  runDateFuture: (problem) => problem("runDateFuture"),
  policyNoGates: (problem, p) => problem("policyNoGates", p),
  policyGateNumberUnknown: (problem, p) => problem("policyGateNumberUnknown", p),
  policyGateMissing: (problem, p) => problem("policyGateMissing", p),
  policyGateRepeated: (problem, p) => problem("policyGateRepeated", p),
  policyGateName: (problem, p) => problem("policyGateName", p),
  policyGateObjectives: (problem, p) => problem("policyGateObjectives", p),
  policyArtifactKeyPattern: (problem) => problem("policyArtifactKeyPattern"),
  policyArtifactKeyTwice: (problem, p) => problem("policyArtifactKeyTwice", p),
  policyArtifactTitle: (problem) => problem("policyArtifactTitle"),
  policyApproverRoles: (problem) => problem("policyApproverRoles"),
  policyApproverOnce: (problem) => problem("policyApproverOnce"),
  policyRequirementNone: (problem) => problem("policyRequirementNone"),
  policySizeUnknown: (problem, p) => problem("policySizeUnknown", p),
  policyBoardRoleTwice: (problem, p) => problem("policyBoardRoleTwice", p),
  policyBoardRoleUnknown: (problem, p) => problem("policyBoardRoleUnknown", p),
  policyBoardRequired: (problem, p) => problem("policyBoardRequired", p),
  policyDecisionRule: (problem) => problem("policyDecisionRule"),
  policyQuorum: (problem, p) => problem("policyQuorum", p),
  policyScheduleAnchor: (problem) => problem("policyScheduleAnchor"),
  policyScheduleDays: (problem, p) => problem("policyScheduleDays", p),
  policyScheduleBeforeStart: (problem) => problem("policyScheduleBeforeStart"),
  policyKeepsGateCount: (problem, p) => problem("policyKeepsGateCount", p),
  gateDecidedDates: (problem, p) => problem("gateDecidedDates", p),
  reportExists: (problem, p) => problem("reportExists", p),
  webhookUrlInvalid: (problem) => problem("webhookUrlInvalid"),
  webhookUrlUnresolved: (problem, p) => problem("webhookUrlUnresolved", p),
  webhookUrlRefused: (problem, p) => problem("webhookUrlRefused", p),
  webhookEventsEmpty: (problem) => problem("webhookEventsEmpty"),
  webhookEventsUnknown: (problem, p) => problem("webhookEventsUnknown", p),
  webhookProjectRequired: (problem) => problem("webhookProjectRequired"),
  webhookProjectUnknown: (problem) => problem("webhookProjectUnknown"),
  webhooksManagersOnly: (problem) => problem("webhooksManagersOnly"),
  webhookDisabled: (problem) => problem("webhookDisabled"),
};
