// The checks of a gate condition (lib/validation/gates.ts conditionSchema) without zod, for the
// decision form in the browser: errors show next to each row before anything is sent, and the
// page does not download a validation library for it. The server still validates with zod;
// condition-check.test.ts keeps the two in agreement, word for word in every language.
import type { ValidationWords } from "@/lib/validation/custom-messages";

export type ConditionInput = { text: string; ownerId: string; dueDate: string };
export type ConditionErrors = Partial<Record<keyof ConditionInput, string[]>>;

/** The sentences of the checks, in the reader's language (conditionWordsFrom, on the server). */
export type ConditionWords = {
  textRequired: string;
  textTooLong: string;
  ownerRequired: string;
  ownerUnknown: string;
  dueRequired: string;
  dueFormat: string;
  dueNotReal: string;
};

/**
 * The words from the catalogue's `validation` and `fieldLabels` namespaces: the same sentences the
 * server's validation gives for the schema's messages (lib/validation/custom-messages.ts).
 */
export function conditionWordsFrom({ v, label }: Pick<ValidationWords, "v" | "label">): ConditionWords {
  const condition = label("condition");
  return {
    textRequired: v("required", { label: condition }),
    textTooLong: v("tooLongOf", { label: condition, max: TEXT_MAX }),
    ownerRequired: v("conditionOwner"),
    ownerUnknown: v("unknownItem"),
    dueRequired: v("dueDate"),
    dueFormat: v("dateFormat"),
    dueNotReal: v("dateNotReal"),
  };
}

const TEXT_MAX = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function realDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** Field errors of one condition, or undefined when it is valid. */
export function conditionErrors(input: ConditionInput, words: ConditionWords): ConditionErrors | undefined {
  const errors: ConditionErrors = {};
  const text = input.text.trim();
  if (!text) errors.text = [words.textRequired];
  else if (text.length > TEXT_MAX) errors.text = [words.textTooLong];
  if (!input.ownerId) errors.ownerId = [words.ownerRequired];
  else if (!UUID.test(input.ownerId)) errors.ownerId = [words.ownerUnknown];
  const due = input.dueDate.trim();
  if (!due) errors.dueDate = [words.dueRequired];
  else {
    // One message per field: a malformed date is not also called unreal.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) errors.dueDate = [words.dueFormat];
    else if (!realDate(due)) errors.dueDate = [words.dueNotReal];
  }
  return Object.keys(errors).length ? errors : undefined;
}
