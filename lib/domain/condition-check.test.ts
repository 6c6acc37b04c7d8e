import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locale";
import { wordsFor } from "@/lib/refusal-words";
import { conditionSchema } from "@/lib/validation/gates";
import { parseIn } from "@/lib/validation/in-language";
import { conditionErrors, conditionWordsFrom, type ConditionInput } from "./condition-check";

const OWNER = "0b6f4a52-8d3c-4d0e-9a51-7c2b1e3f4a5d";
const valid: ConditionInput = { text: "Sign the data processing agreement", ownerId: OWNER, dueDate: "2026-12-01" };

const cases: [string, ConditionInput][] = [
  ["a valid condition", valid],
  ["blank text", { ...valid, text: "   " }],
  ["text of 500 characters", { ...valid, text: "x".repeat(500) }],
  ["text of 501 characters", { ...valid, text: "x".repeat(501) }],
  ["no owner", { ...valid, ownerId: "" }],
  ["an owner that is not an id", { ...valid, ownerId: "someone" }],
  ["no due date", { ...valid, dueDate: "" }],
  ["a due date in another format", { ...valid, dueDate: "01/12/2026" }],
  ["a date that does not exist", { ...valid, dueDate: "2026-02-30" }],
  ["a leap day", { ...valid, dueDate: "2028-02-29" }],
  ["everything missing", { text: "", ownerId: "", dueDate: "" }],
];

const languages = await Promise.all(
  LOCALES.map(async (locale) => ({ locale, words: (await wordsFor(locale)).validation })),
);

describe("conditionErrors agrees with the server's conditionSchema, word for word", () => {
  it.each(cases)("%s", (_label, input) => {
    for (const { locale, words } of languages) {
      const parsed = parseIn(conditionSchema, input, words);
      const expected = parsed.success ? undefined : z.flattenError(parsed.error).fieldErrors;
      const say = conditionWordsFrom(words);
      expect({ locale, errors: conditionErrors(input, say) }).toEqual({ locale, errors: expected });
    }
  });

  it("speaks the reader's language", () => {
    const empty = { text: "", ownerId: "", dueDate: "" };
    const [english, polish] = ["en", "pl"].map((l) => languages.find(({ locale }) => locale === l)!.words);
    const inPolish = conditionErrors(empty, conditionWordsFrom(polish));
    const inEnglish = conditionErrors(empty, conditionWordsFrom(english));
    expect(inEnglish?.dueDate).toEqual(["Choose a due date."]);
    expect(inPolish?.dueDate).not.toEqual(inEnglish?.dueDate);
    expect(inPolish?.ownerId).not.toEqual(inEnglish?.ownerId);
  });
});
