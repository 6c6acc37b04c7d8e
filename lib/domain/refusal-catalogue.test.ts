// The refusal catalogue cannot drift from the rules: every refusal the domain's own test tables
// produce (each test file of lib/domain runs again here, with `refuse` recorded) must render, from
// messages/en/refusals.json and its params, exactly the domain's English sentence — and render in
// Spanish and Polish without a missing value. A scan of every `refuse(` call then checks that each
// code the domain can refuse with has a sentence in the catalogue.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { afterAll, describe, expect, it, vi } from "vitest";
import { refusalKey, type Refusal } from "@/lib/domain/refusal";
import { LOCALES, type Locale } from "@/lib/i18n/locale";
import { type RefusalKey, SENTENCES } from "@/lib/refusal-words";
import en from "@/messages/en/refusals.json";
import es from "@/messages/es/refusals.json";
import pl from "@/messages/pl/refusals.json";

const produced = vi.hoisted(() => [] as Refusal[]);

vi.mock("@/lib/domain/refusal", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/domain/refusal")>();
  return {
    ...original,
    refuse: (...args: Parameters<typeof original.refuse>) => {
      const outcome = original.refuse(...args);
      produced.push(outcome.refusal as Refusal);
      return outcome;
    },
  };
});

// Every table-driven test of the domain, run again with `refuse` recorded.
import.meta.glob(["./*.test.ts", "!./refusal-catalogue.test.ts", "!./refusal.test.ts"], { eager: true });

const CATALOGUES = { en, es, pl } as const;

function translator(locale: Locale) {
  return createTranslator({
    locale,
    messages: CATALOGUES[locale],
    namespace: "refusals",
    onError: (error) => {
      throw error;
    },
  });
}

const say = (locale: Locale, refusal: Refusal) => {
  const key = refusalKey(refusal) as RefusalKey;
  return SENTENCES[key](translator(locale) as Parameters<(typeof SENTENCES)[RefusalKey]>[0], refusal.params ?? {});
};

describe("the refusal catalogue", () => {
  afterAll(() => {
    // Fails loudly rather than passing with nothing checked, should the recording ever break.
    expect(produced.length).toBeGreaterThan(100);
  });

  it("has a sentence for every refusal the domain's tests produce", () => {
    const unknown = produced.map(refusalKey).filter((key) => !Object.hasOwn(en.refusals, key));
    expect([...new Set(unknown)]).toEqual([]);
  });

  it("renders, in English, exactly the domain's sentence for every one of them", () => {
    const drift = produced
      .map((refusal) => ({ key: refusalKey(refusal), rule: refusal.message, catalogue: say("en", refusal) }))
      .filter((d) => d.rule !== d.catalogue);
    expect(drift).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("renders every one of them in %s, every value given", (locale) => {
    for (const refusal of produced) {
      const sentence = say(locale, refusal);
      expect(sentence.trim(), refusalKey(refusal)).not.toBe("");
      expect(sentence, refusalKey(refusal)).not.toMatch(/[{}]/);
    }
  });

  it("covers every catalogue sentence with at least one refusal a test produces", () => {
    const seen = new Set(produced.map(refusalKey));
    expect(Object.keys(en.refusals).filter((key) => !seen.has(key))).toEqual([]);
  });

  it("has a sentence for every code a `refuse(` call in lib/domain names", () => {
    const codes = new Set<string>();
    for (const file of readdirSync(__dirname).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const source = readFileSync(join(__dirname, file), "utf8");
      for (const [, code] of source.matchAll(/\b(?:refuse|forbid|refuseWith)(?:<\w+>)?\(\s*"(\w+)"/g)) codes.add(code);
      for (const [, code] of source.matchAll(/\brefuseOn\(\s*"\w+",\s*"(\w+)"/g)) codes.add(code);
    }
    const camel = (code: string) => code.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    const missing = [...codes].filter(
      (code) => !Object.keys(en.refusals).some((key) => key === camel(code) || key.startsWith(camel(code))),
    );
    expect(codes.size).toBeGreaterThan(90);
    expect(missing).toEqual([]);
  });
});
