import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locale";
import {
  cleanTranslations,
  knownLanguages,
  languagesOf,
  localizeFields,
  resolveText,
  type Translations,
} from "./localized-text";

const gate: Translations<"name" | "objectives"> = {
  es: { name: "Inicio del proyecto", objectives: "  " },
  pl: { objectives: "Umowa uzgodniona." },
};

describe("resolveText", () => {
  const cases: {
    why: string;
    field: "name" | "objectives";
    sourceLanguage: Locale;
    reader: Locale | null;
    want: { text: string; language: Locale; fallback: boolean };
  }[] = [
    {
      why: "a reader of the source language reads the source",
      field: "name",
      sourceLanguage: "en",
      reader: "en",
      want: { text: "Project kickoff", language: "en", fallback: false },
    },
    {
      why: "no reader (API, export) reads the source, unflagged",
      field: "name",
      sourceLanguage: "en",
      reader: null,
      want: { text: "Project kickoff", language: "en", fallback: false },
    },
    {
      why: "a Spanish reader reads the Spanish text",
      field: "name",
      sourceLanguage: "en",
      reader: "es",
      want: { text: "Inicio del proyecto", language: "es", fallback: false },
    },
    {
      why: "a Polish reader without a Polish name falls back to the source, flagged",
      field: "name",
      sourceLanguage: "en",
      reader: "pl",
      want: { text: "Project kickoff", language: "en", fallback: true },
    },
    {
      why: "a blank translation counts as missing",
      field: "objectives",
      sourceLanguage: "en",
      reader: "es",
      want: { text: "Contract agreed.", language: "en", fallback: true },
    },
    {
      why: "a translation is trimmed",
      field: "objectives",
      sourceLanguage: "en",
      reader: "pl",
      want: { text: "Umowa uzgodniona.", language: "pl", fallback: false },
    },
    {
      why: "a policy written in Spanish first: an English reader falls back to Spanish",
      field: "name",
      sourceLanguage: "es",
      reader: "en",
      want: { text: "Project kickoff", language: "es", fallback: true },
    },
  ];
  it.each(cases)("$why", ({ field, sourceLanguage, reader, want }) => {
    const source = field === "name" ? "Project kickoff" : "Contract agreed.";
    expect(resolveText({ field, source, sourceLanguage, translations: gate, reader })).toEqual(want);
  });

  it("reads no translations at all (a row written before translations) as the source, flagged", () => {
    expect(resolveText({ field: "name", source: "X", sourceLanguage: "en", translations: null, reader: "es" })).toEqual(
      { text: "X", language: "en", fallback: true },
    );
  });
});

describe("localizeFields", () => {
  it.each([
    {
      reader: "es" as const,
      texts: { name: "Inicio del proyecto", objectives: "Contract agreed." },
      marks: [null, "en"],
    },
    { reader: "pl" as const, texts: { name: "Project kickoff", objectives: "Umowa uzgodniona." }, marks: ["en", null] },
    { reader: "en" as const, texts: { name: "Project kickoff", objectives: "Contract agreed." }, marks: [null, null] },
  ])("resolves every field for $reader and marks the fallbacks", ({ reader, texts, marks }) => {
    const out = localizeFields({ name: "Project kickoff", objectives: "Contract agreed." }, gate, "en", reader);
    expect(out.texts).toEqual(texts);
    expect([out.untranslated.name, out.untranslated.objectives]).toEqual(marks);
  });
});

describe("cleanTranslations", () => {
  it.each([
    {
      why: "keeps known languages and fields, trimmed",
      input: { es: { name: " Nombre " } },
      want: { es: { name: "Nombre" } },
    },
    { why: "drops blank texts and empty languages", input: { es: { name: "" }, pl: { name: " " } }, want: {} },
    {
      why: "drops the source language",
      input: { en: { name: "Name" }, pl: { name: "Nazwa" } },
      want: { pl: { name: "Nazwa" } },
    },
    { why: "drops unknown languages", input: { de: { name: "Name" } } as never, want: {} },
    { why: "drops unknown fields", input: { es: { name: "N", other: "x" } } as never, want: { es: { name: "N" } } },
    { why: "reads nothing as nothing", input: undefined, want: {} },
  ])("$why", ({ input, want }) => {
    expect(cleanTranslations<"name">(input, ["name"], "en")).toEqual(want);
  });
});

describe("languagesOf and knownLanguages", () => {
  it.each([
    { translations: [], want: ["en"] },
    { translations: [{ pl: { name: "x" } }], want: ["en", "pl"] },
    { translations: [{ pl: { name: "x" } }, { es: { name: "y" } }], want: ["en", "es", "pl"] },
  ])("the source first, then the languages with texts: $want", ({ translations, want }) => {
    expect(languagesOf("en", translations)).toEqual(want);
  });

  it.each([
    { stored: ["es", "en"], want: ["es", "en"] },
    { stored: ["de", "pl", "pl"], want: ["pl"] },
    { stored: [], want: ["en"] },
    { stored: null, want: ["en"] },
  ])("reads a stored list $stored as $want", ({ stored, want }) => {
    expect(knownLanguages(stored)).toEqual(want);
  });
});
