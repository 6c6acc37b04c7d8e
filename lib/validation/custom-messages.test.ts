// The schemas' custom messages in three languages: every message the schemas write is recognised
// (a scan of lib/validation and lib/contract), every catalogue message recognises its own English,
// and a parse answers zod's own messages and the custom ones in the reader's language.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/i18n/locale";
import { wordsFor } from "@/lib/refusal-words";
import { requiredText } from "@/lib/validation/common";
import { customMessageIn, type ValidationKey } from "@/lib/validation/custom-messages";
import { parseIn } from "@/lib/validation/in-language";
import en from "@/messages/en/inputErrors.json";

const ROOT = join(__dirname, "..", "..");
const words = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, (await wordsFor(l)).validation])));
const say = (message: string, locale: Locale) => customMessageIn(message, words[locale]);

/**
 * The sentences a schema writes: string and template literals given to a zod call or as its
 * `message`/`error` that end like a sentence; `${label}` becomes a label, other values a number.
 */
function schemaMessages(): string[] {
  const folders = [join(ROOT, "lib", "validation"), join(ROOT, "lib", "contract")];
  const found = new Set<string>();
  for (const folder of folders)
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const source = readFileSync(join(folder, file), "utf8");
      const literal = /(?:[(,]\s*|(?:message|error):\s*)(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)/g;
      for (const match of source.matchAll(literal)) {
        const before = source.slice(Math.max(0, match.index - 60), match.index);
        if (/(description|summary|describe|meta)\W*$/.test(before) || /description:\s*$/.test(before)) continue;
        const text = (match[1] ?? match[2])
          .replace(/\$\{[^}]*label[^}]*\}/g, "Start date")
          .replace(/\$\{[^}]*what[^}]*\}/g, "project")
          .replace(/\$\{[^}]*\}/g, "7")
          .replace(/\\"/g, '"');
        if (/^[A-Z“]/.test(text) && /[.)]$/.test(text) && !text.includes("`")) found.add(text);
      }
    }
  return [...found];
}

describe("the schemas' custom messages", () => {
  const messages = schemaMessages();

  it("are found by the scan", () => {
    expect(messages.length).toBeGreaterThan(100);
    expect(messages).toContain("Enter a date.");
    expect(messages).toContain("Start date is required.");
  });

  it.each(LOCALES.filter((l) => l !== "en"))("are every one said in %s", (locale) => {
    expect(messages.filter((m) => say(m, locale) === m)).toEqual([]);
  });

  it("stay exactly as written in English", () => {
    expect(messages.filter((m) => say(m, "en") !== m)).toEqual([]);
  });
});

describe("the validation catalogue", () => {
  it.each(Object.keys(en.validation) as ValidationKey[])("%s recognises its own English", (key) => {
    const english = words.en.v(key, { label: "Start date", max: 12, min: 12, line: 12, what: "project" });
    expect(say(english, "es")).not.toBe(english);
    expect(say(english, "pl")).not.toBe(english);
  });

  it.each([
    ["es", "Start date is required.", "El campo «Fecha de inicio» es obligatorio."],
    ["pl", "Start date is required.", "Pole „Data rozpoczęcia” jest wymagane."],
    ["es", "At most 4000 characters.", "Como máximo 4000 caracteres."],
    ["pl", 'Line 3: write "Name <email>, phone, role".', 'Wiersz 3: wpisz "Imię i nazwisko <e-mail>, telefon, rola".'],
    ["es", "An unknown sentence.", "An unknown sentence."],
  ] as const)("%s: %s", (locale, english, said) => {
    expect(say(english, locale)).toBe(said);
  });
});

describe("parseIn", () => {
  const schema = z.object({ title: requiredText("Title", 10), email: z.email(), count: z.number() });
  const input = { title: "", email: "not an address", count: "many" };
  const messagesIn = (locale: Locale) => {
    const parsed = parseIn(schema, input, words[locale]);
    expect(parsed.success).toBe(false);
    return z.flattenError(parsed.error!).fieldErrors;
  };

  it("keeps English exactly as the schemas and zod write it", () => {
    expect(messagesIn("en")).toEqual(z.flattenError(schema.safeParse(input).error!).fieldErrors);
    expect(messagesIn("en").title).toEqual(["Title is required."]);
  });

  it.each([
    [
      "es",
      "El campo «Título» es obligatorio.",
      "Introduzca una dirección de correo electrónico válida.",
      "Introduzca un número.",
    ],
    ["pl", "Pole „Tytuł” jest wymagane.", "Wpisz poprawny adres e-mail.", "Wpisz liczbę."],
  ] as const)("answers %s: the custom message from the catalogue, zod's own in our words", (locale, ...said) => {
    const errors = messagesIn(locale);
    expect([errors.title, errors.email, errors.count]).toEqual(said.map((m) => [m]));
  });

  it("leaves zod's rarer messages to zod's locale", () => {
    const parsed = parseIn(z.object({ tags: z.array(z.string()).max(1) }), { tags: ["a", "b"] }, words.es);
    const english = z.object({ tags: z.array(z.string()).max(1) }).safeParse({ tags: ["a", "b"] });
    expect(parsed.error!.issues[0].message).not.toBe(english.error!.issues[0].message);
    expect(parsed.error!.issues[0].message).toMatch(/1/);
  });
});
