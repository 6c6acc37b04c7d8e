// An audit event's sentence and changes in the reader's words. The domain plans the sentence (which
// phrase, who, what, which values, where) and writes it in English; this says the same plan from the
// catalogue (lib/audit-words.ts). Titles stay emphasised through translation: they go into the message
// wrapped in private-use marks and come out as their own SentencePart, wherever the language puts them.
import {
  fallbackAction,
  fieldLabel,
  planAuditSentence,
  rawAuditChanges,
  type AuditChange,
  type AuditSentenceInput,
  type ObjectSlot,
  type SentencePart,
} from "@/lib/domain/audit-sentence";
import type { Format } from "@/lib/i18n/format";
import { FIELDS, NOUNS, PHRASES, VALUES, sentenceWords, type AuditWords, type Values } from "@/lib/audit-words";

const OPEN = "\uE000";
const CLOSE = "\uE001";
/** Where a phrase's {object} stands for nothing ("deleted the interface"): removed with the space before it. */
const NOTHING = "\uE002";

const emphasised = (text: string) => `${OPEN}${text}${CLOSE}`;

function objectWords(words: AuditWords, object: ObjectSlot): string {
  switch (object.kind) {
    case "title":
      return emphasised(object.text);
    case "gate":
      return sentenceWords.objectGate(words, { number: String(object.number) });
    case "noun": {
      const noun = Object.hasOwn(NOUNS, object.objectType) ? NOUNS[object.objectType] : undefined;
      return noun ? noun(words.noun) : sentenceWords.otherNoun(words, { type: object.objectType.replace(/_/g, " ") });
    }
    case "none":
      return NOTHING;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A recorded value in words: an enum the app knows in the reader's language, dates through the
 * formatter (when given), free text as written. English matches the domain's humanizeValue.
 */
export function valueWords(words: AuditWords, value: unknown, format?: Format): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? sentenceWords.yes(words) : sentenceWords.no(words);
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (Object.hasOwn(VALUES, value)) return VALUES[value](words.value);
    if (format && ISO_DATE.test(value)) return format.date(value);
    if (format && ISO_MOMENT.test(value)) return format.dateTime(value);
    return value.replace(/_/g, " ");
  }
  if (Array.isArray(value))
    return value.length === 0
      ? sentenceWords.none(words)
      : value.every((v) => typeof v !== "object" || v === null)
        ? value.map((v) => valueWords(words, v, format)).join(", ")
        : sentenceWords.items(words, value.length);
  return sentenceWords.details(words);
}

/** The sentence's text, its marks turned into parts: emphasised titles and plain runs between them. */
function toParts(text: string): SentencePart[] {
  const parts: SentencePart[] = [];
  const marked = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, "g");
  const clean = text.replace(new RegExp(` ?${NOTHING}`, "g"), "");
  let at = 0;
  for (const match of clean.matchAll(marked)) {
    if (match.index > at) parts.push({ text: clean.slice(at, match.index) });
    parts.push({ text: match[1], emphasis: true });
    at = match.index + match[0].length;
  }
  if (at < clean.length) parts.push({ text: clean.slice(at) });
  return parts;
}

/** The event as sentence parts in these words; in English, exactly describeAuditEvent's sentence. */
export function sayAuditEvent(words: AuditWords, input: AuditSentenceInput): SentencePart[] {
  const plan = planAuditSentence(input);
  const values: Values = {};
  for (const [key, raw] of Object.entries(plan.values)) values[key] = valueWords(words, raw);
  values.actor = plan.actor ?? sentenceWords.system(words);
  values.object = objectWords(words, plan.object);
  const phrase = plan.known && Object.hasOwn(PHRASES, plan.action) ? PHRASES[plan.action] : undefined;
  let text = phrase
    ? phrase(words.sentence, values)
    : sentenceWords.fallback(words, { ...values, action: fallbackAction(plan.action) });
  if (plan.gate) text = sentenceWords.onGate(words, { sentence: text, gate: String(plan.gate) });
  if (plan.project) text = sentenceWords.ofProject(words, { sentence: text, project: emphasised(plan.project) });
  return toParts(text);
}

/**
 * Before and after in these words: field labels and enum values in the reader's language, dates
 * through the formatter; free text and titles as written. A field the catalogue does not know keeps
 * the English label the domain gives it.
 */
export function sayAuditChanges(words: AuditWords, format: Format, before: unknown, after: unknown): AuditChange[] {
  return rawAuditChanges(before, after).map(({ field, from, to }) => ({
    field,
    label: Object.hasOwn(FIELDS, field) ? FIELDS[field](words.field) : fieldLabel(field),
    from: from ? valueWords(words, from.value, format) : null,
    to: to ? valueWords(words, to.value, format) : null,
  }));
}
