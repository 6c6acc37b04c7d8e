// The custom messages written in the schemas (lib/validation, lib/contract) in the reader's
// language. A schema keeps its English sentence (the forms and tests read it); zod gives a
// schema's own message precedence over any per-parse error map, so an issue arrives in English and
// is said again here: each English message of messages/en/inputErrors.json is recognised by its
// rendered text, its values ({label}, {max}…) taken from it, and rendered from the reader's catalogue.
// A field label inside a message ("Start date is required.") is said from namespace `fieldLabels`.
// lib/validation/custom-messages.test.ts proves every custom message of the schemas is recognised.
import { createTranslator } from "next-intl";
import type { z } from "zod";
import { getTranslations } from "next-intl/server";
import type { RefusalParams } from "@/lib/domain/refusal";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/messages/catalogue";
import en from "@/messages/en/inputErrors.json";

export type ValidationKey = keyof Messages["validation"];
export type LabelKey = keyof Messages["fieldLabels"];
type Say<K> = (key: K, values?: RefusalParams) => string;

/** The two translators of one language: messages, and the field labels they may name. */
export type ValidationWords = { locale: Locale; v: Say<ValidationKey>; label: Say<LabelKey> };

/** The validation words of one language from its catalogue (an API request, a test). */
export function validationWordsFor(locale: Locale, messages: Messages): ValidationWords {
  return {
    locale,
    v: createTranslator({ locale, messages, namespace: "validation" }) as Say<ValidationKey>,
    label: createTranslator({ locale, messages, namespace: "fieldLabels" }) as Say<LabelKey>,
  };
}

/** The validation words of this request's language (server actions); throws outside a request. */
export async function requestValidationWords(locale: Locale): Promise<ValidationWords> {
  const v = await getTranslations("validation");
  const label = await getTranslations("fieldLabels");
  return { locale, v: v as Say<ValidationKey>, label: label as Say<LabelKey> };
}

const MARK = (name: string) => `\u0000${name}\u0000`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The values a validation message may name. The build precompiles the catalogues (next.config.js),
 * so this module may hold a message's compiled form, not its ICU source: a message's own values are
 * found by rendering it with a marker for each of these. A message naming another value renders as
 * its key and recognises nothing, which custom-messages.test.ts reports.
 */
const VALUE_NAMES = ["label", "max", "min", "what", "line"];

const english = createTranslator({ locale: "en", messages: en as unknown as Messages, namespace: "validation" });
const englishLabel = createTranslator({ locale: "en", messages: en as unknown as Messages, namespace: "fieldLabels" });

/** Each English message as a pattern over its rendered text; those without values first. */
const PATTERNS = (Object.keys(en.validation) as ValidationKey[])
  .map((key) => {
    const rendered = english(key, Object.fromEntries(VALUE_NAMES.map((n) => [n, MARK(n)])));
    const names = VALUE_NAMES.filter((name) => rendered.includes(MARK(name)));
    const body = names.reduce(
      (pattern, name) => pattern.replace(escape(MARK(name)), `(?<${name}>.+?)`),
      escape(rendered),
    );
    return { key, names, pattern: new RegExp(`^${body}$`) };
  })
  .sort((a, b) => a.names.length - b.names.length);

/** English field label → its key, as the labels render (never their source text). */
const LABEL_KEYS = new Map((Object.keys(en.fieldLabels) as LabelKey[]).map((key) => [englishLabel(key), key]));

/** A custom message in these words; one the catalogue does not know stays as it is. */
export function customMessageIn(message: string, words: ValidationWords): string {
  if (words.locale === "en") return message;
  for (const { key, pattern } of PATTERNS) {
    const found = pattern.exec(message);
    if (!found) continue;
    const values: RefusalParams = { ...found.groups };
    if (typeof values.label === "string") {
      const labelKey = LABEL_KEYS.get(values.label);
      if (labelKey) values.label = LABELS[labelKey](words.label);
    }
    return MESSAGES[key](words.v, values);
  }
  return message;
}

/**
 * zod's own commonest messages (a required field, too long, not an email…) in these words, where
 * zod's locale reads awkwardly ("Nieprawidłow(y/a/e) adres email"); the others from zod's locale.
 */
export function zodErrorIn(words: ValidationWords, fallback: z.core.$ZodErrorMap): z.core.$ZodErrorMap {
  const { v } = words;
  return (issue) => {
    switch (issue.code) {
      case "invalid_type":
        if (issue.input === undefined || issue.input === null) return v("zodRequired");
        if (issue.expected === "number" || issue.expected === "int") return v("zodNumber");
        break;
      case "too_small":
        if (issue.origin !== "string") break;
        return Number(issue.minimum) <= 1 ? v("zodRequired") : v("zodTooShort", { min: Number(issue.minimum) });
      case "too_big":
        if (issue.origin === "string") return v("zodTooLong", { max: Number(issue.maximum) });
        break;
      case "invalid_format":
        if (issue.format === "email") return v("email");
        if (issue.format === "url") return v("zodUrl");
        if (issue.format === "uuid") return v("unknownItem");
        break;
      case "invalid_value":
        return v("zodChoice");
    }
    return fallback(issue);
  };
}

/** Every custom message, by catalogue key. */
const MESSAGES: Record<ValidationKey, (v: Say<ValidationKey>, p: RefusalParams) => string> = {
  dateEmpty: (v, p) => v("dateEmpty", p),
  dateFormatOf: (v, p) => v("dateFormatOf", p),
  dateNotRealOf: (v, p) => v("dateNotRealOf", p),
  dateFormat: (v, p) => v("dateFormat", p),
  dateNotReal: (v, p) => v("dateNotReal", p),
  required: (v, p) => v("required", p),
  tooLongOf: (v, p) => v("tooLongOf", p),
  tooLong: (v, p) => v("tooLong", p),
  unknownItem: (v, p) => v("unknownItem", p),
  unknownId: (v, p) => v("unknownId", p),
  pageLimit: (v, p) => v("pageLimit", p),
  countNumber: (v, p) => v("countNumber", p),
  countWhole: (v, p) => v("countWhole", p),
  countNotNegative: (v, p) => v("countNotNegative", p),
  countMax: (v, p) => v("countMax", p),
  webAddressOf: (v, p) => v("webAddressOf", p),
  webSchemeOf: (v, p) => v("webSchemeOf", p),
  numberOf: (v, p) => v("numberOf", p),
  wholeNumberOf: (v, p) => v("wholeNumberOf", p),
  atLeastZeroOf: (v, p) => v("atLeastZeroOf", p),
  atMostHundredOf: (v, p) => v("atMostHundredOf", p),
  email: (v, p) => v("email", p),
  passwordMin: (v, p) => v("passwordMin", p),
  passwordMax: (v, p) => v("passwordMax", p),
  role: (v, p) => v("role", p),
  clientNeedsOrganization: (v, p) => v("clientNeedsOrganization", p),
  onlyClientsInOrganization: (v, p) => v("onlyClientsInOrganization", p),
  passwordsDiffer: (v, p) => v("passwordsDiffer", p),
  linkInvalid: (v, p) => v("linkInvalid", p),
  currentPassword: (v, p) => v("currentPassword", p),
  twoFactorCode: (v, p) => v("twoFactorCode", p),
  passwordUnchanged: (v, p) => v("passwordUnchanged", p),
  sector: (v, p) => v("sector", p),
  linkRequired: (v, p) => v("linkRequired", p),
  fullLink: (v, p) => v("fullLink", p),
  versionText: (v, p) => v("versionText", p),
  fileRequired: (v, p) => v("fileRequired", p),
  fileEmpty: (v, p) => v("fileEmpty", p),
  fileLinkOrText: (v, p) => v("fileLinkOrText", p),
  fileIsRequired: (v, p) => v("fileIsRequired", p),
  reviewDecision: (v, p) => v("reviewDecision", p),
  endBeforeStart: (v, p) => v("endBeforeStart", p),
  amount: (v, p) => v("amount", p),
  billingTerms: (v, p) => v("billingTerms", p),
  currency: (v, p) => v("currency", p),
  gateWhole: (v, p) => v("gateWhole", p),
  gatesRun: (v, p) => v("gatesRun", p),
  vote: (v, p) => v("vote", p),
  conditionOwner: (v, p) => v("conditionOwner", p),
  dueDate: (v, p) => v("dueDate", p),
  conditionsMax: (v, p) => v("conditionsMax", p),
  signerCapacity: (v, p) => v("signerCapacity", p),
  signersMin: (v, p) => v("signersMin", p),
  signersMax: (v, p) => v("signersMax", p),
  passwordToSign: (v, p) => v("passwordToSign", p),
  supportContact: (v, p) => v("supportContact", p),
  supportLine: (v, p) => v("supportLine", p),
  systemKind: (v, p) => v("systemKind", p),
  direction: (v, p) => v("direction", p),
  protocol: (v, p) => v("protocol", p),
  status: (v, p) => v("status", p),
  exportFormat: (v, p) => v("exportFormat", p),
  matrixUnreadable: (v, p) => v("matrixUnreadable", p),
  activitiesMax: (v, p) => v("activitiesMax", p),
  runKind: (v, p) => v("runKind", p),
  artifactTypesMax: (v, p) => v("artifactTypesMax", p),
  wholeDays: (v, p) => v("wholeDays", p),
  policyGatesMax: (v, p) => v("policyGatesMax", p),
  moduleNameMax: (v, p) => v("moduleNameMax", p),
  modulesMax: (v, p) => v("modulesMax", p),
  sizeClass: (v, p) => v("sizeClass", p),
  projectRole: (v, p) => v("projectRole", p),
  membersList: (v, p) => v("membersList", p),
  membersMax: (v, p) => v("membersMax", p),
  goLiveAfterStart: (v, p) => v("goLiveAfterStart", p),
  emailRequired: (v, p) => v("emailRequired", p),
  userOrEmail: (v, p) => v("userOrEmail", p),
  gateRange: (v, p) => v("gateRange", p),
  changeSize: (v, p) => v("changeSize", p),
  qualityLevel: (v, p) => v("qualityLevel", p),
  fullHttpLink: (v, p) => v("fullHttpLink", p),
  evidenceResult: (v, p) => v("evidenceResult", p),
  wholeNumber: (v, p) => v("wholeNumber", p),
  notNegative: (v, p) => v("notNegative", p),
  atMost9999: (v, p) => v("atMost9999", p),
  atMost1000: (v, p) => v("atMost1000", p),
  activityKey: (v, p) => v("activityKey", p),
  environment: (v, p) => v("environment", p),
  timing: (v, p) => v("timing", p),
  precedingGate: (v, p) => v("precedingGate", p),
  question: (v, p) => v("question", p),
  ruleValue: (v, p) => v("ruleValue", p),
  person: (v, p) => v("person", p),
  site: (v, p) => v("site", p),
  moduleKind: (v, p) => v("moduleKind", p),
  module: (v, p) => v("module", p),
  dateTime: (v, p) => v("dateTime", p),
  durationNumber: (v, p) => v("durationNumber", p),
  durationWhole: (v, p) => v("durationWhole", p),
  durationMin: (v, p) => v("durationMin", p),
  durationMax: (v, p) => v("durationMax", p),
  sessionMode: (v, p) => v("sessionMode", p),
  trainer: (v, p) => v("trainer", p),
  sessionSite: (v, p) => v("sessionSite", p),
  meetingLink: (v, p) => v("meetingLink", p),
  guardiansMin: (v, p) => v("guardiansMin", p),
  attendeesMin: (v, p) => v("attendeesMin", p),
  severity: (v, p) => v("severity", p),
  estimate: (v, p) => v("estimate", p),
  estimateNegative: (v, p) => v("estimateNegative", p),
  estimateMax: (v, p) => v("estimateMax", p),
  oneDecimal: (v, p) => v("oneDecimal", p),
  category: (v, p) => v("category", p),
  priority: (v, p) => v("priority", p),
  unknownScopeItem: (v, p) => v("unknownScopeItem", p),
  sprintItemsMax: (v, p) => v("sprintItemsMax", p),
  capacity: (v, p) => v("capacity", p),
  capacityNegative: (v, p) => v("capacityNegative", p),
  capacityMax: (v, p) => v("capacityMax", p),
  unknownRelease: (v, p) => v("unknownRelease", p),
  endOnOrAfterStart: (v, p) => v("endOnOrAfterStart", p),
  sprintDecision: (v, p) => v("sprintDecision", p),
  rejectReason: (v, p) => v("rejectReason", p),
  runEnvironment: (v, p) => v("runEnvironment", p),
  moveDirection: (v, p) => v("moveDirection", p),
  scenarioResult: (v, p) => v("scenarioResult", p),
  zodRequired: (v, p) => v("zodRequired", p),
  zodTooShort: (v, p) => v("zodTooShort", p),
  zodTooLong: (v, p) => v("zodTooLong", p),
  zodUrl: (v, p) => v("zodUrl", p),
  zodNumber: (v, p) => v("zodNumber", p),
  zodChoice: (v, p) => v("zodChoice", p),
  projectLanguage: (v) => v("projectLanguage"),
  eachKindOnce: (v) => v("eachKindOnce"),
};

/** Every field label a message may name, by catalogue key. */
const LABELS: Record<LabelKey, (label: Say<LabelKey>) => string> = {
  rationale: (label) => label("rationale"),
  activity: (label) => label("activity"),
  country: (label) => label("country"),
  description: (label) => label("description"),
  frequency: (label) => label("frequency"),
  goal: (label) => label("goal"),
  invoiceReference: (label) => label("invoiceReference"),
  moduleName: (label) => label("moduleName"),
  name: (label) => label("name"),
  reason: (label) => label("reason"),
  scenario: (label) => label("scenario"),
  segment: (label) => label("segment"),
  siteName: (label) => label("siteName"),
  sourceSystem: (label) => label("sourceSystem"),
  statement: (label) => label("statement"),
  supportContacts: (label) => label("supportContacts"),
  condition: (label) => label("condition"),
  title: (label) => label("title"),
  version: (label) => label("version"),
  deploymentDate: (label) => label("deploymentDate"),
  endDate: (label) => label("endDate"),
  handoverDate: (label) => label("handoverDate"),
  plannedDate: (label) => label("plannedDate"),
  runDate: (label) => label("runDate"),
  startDate: (label) => label("startDate"),
  targetGoLive: (label) => label("targetGoLive"),
  link: (label) => label("link"),
  meetingLink: (label) => label("meetingLink"),
  passMark: (label) => label("passMark"),
  score: (label) => label("score"),
  extracted: (label) => label("extracted"),
  loaded: (label) => label("loaded"),
  rejected: (label) => label("rejected"),
};
