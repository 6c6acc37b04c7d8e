// The catalogues agree with each other and with the code: every key in every language, no key
// that no code uses, no key used that no catalogue has. Usage is found by a literal scan, so code
// must call `const t = useTranslations("namespace")` (or `await getTranslations(...)`) and then
// `t("key")` / `t.rich("key", …)` with literal strings.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { AREAS, type Messages } from "@/messages/catalogue";
import { LOCALES, type Locale } from "./locale";

const ROOT = join(__dirname, "..", "..");
const MESSAGES = join(ROOT, "messages");

/** One language's areas, read from disk as the loader merges them. */
function readCatalogue(locale: Locale): Record<string, object> {
  const areas = readdirSync(join(MESSAGES, locale)).filter((name) => name.endsWith(".json"));
  return Object.fromEntries(
    areas.map((name) => [name.slice(0, -5), JSON.parse(readFileSync(join(MESSAGES, locale, name), "utf8"))]),
  );
}
const AREA_FILES = Object.fromEntries(LOCALES.map((l) => [l, readCatalogue(l)])) as Record<
  Locale,
  Record<string, object>
>;
const CATALOGUES = Object.fromEntries(
  LOCALES.map((l) => [l, Object.assign({}, ...Object.values(AREA_FILES[l]))]),
) as Record<Locale, object>;
const en = CATALOGUES.en;
const SOURCE_FOLDERS = ["app", "components", "lib", "i18n"];

/** "ns.key" → message, for every leaf of a catalogue. */
function flatten(tree: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

// Also `const t = createTranslator({ locale, messages, namespace: "ns" })` (or `t: createTranslator(…)`
// in an object of translators): texts written outside
// React in a given language (frozen status reports, the go-live statement, downloads).
const TRANSLATOR = new RegExp(
  String.raw`(?:const (\w+) =|\b(\w+):) (?:await )?` +
    String.raw`(?:(?:useTranslations|getTranslations)\(\s*|createTranslator\(\{[^{}]*\bnamespace:\s*)` +
    String.raw`"([\w.]+)",?\s*\}?\s*\)`,
  "g",
);
const ANY_TRANSLATOR_CALL = /\b(?:useTranslations|getTranslations|createTranslator)\b(?!<)\s*\(/g;

/** The keys a file's code asks for, and the translator calls the scan could not read. */
export function keysUsedIn(source: string): { keys: string[]; unreadable: number } {
  const translators = [...source.matchAll(TRANSLATOR)];
  const keys = translators.flatMap(([, constant, property, namespace]) =>
    [...source.matchAll(new RegExp(`\\b${constant ?? property}(?:\\.rich)?\\(\\s*"([\\w.]+)"`, "g"))].map(
      ([, key]) => `${namespace}.${key}`,
    ),
  );
  const calls = [...source.matchAll(ANY_TRANSLATOR_CALL)].length;
  return { keys, unreadable: calls - translators.length };
}

const english = flatten(en);

describe("the catalogues", () => {
  it.each(LOCALES)("%s has exactly the areas the loader lists", (locale) => {
    expect(Object.keys(AREA_FILES[locale]).sort()).toEqual([...AREAS].sort());
  });

  it("no two areas define the same namespace", () => {
    const owners = new Map<string, string>();
    for (const [area, tree] of Object.entries(AREA_FILES.en))
      for (const namespace of Object.keys(tree)) {
        expect(owners.get(namespace), `${namespace} in ${area}`).toBeUndefined();
        owners.set(namespace, area);
      }
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly the English keys", (locale) => {
    const keys = [...flatten(CATALOGUES[locale]).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)("%s has no empty message", (locale) => {
    for (const [key, message] of flatten(CATALOGUES[locale])) expect(message.trim(), key).not.toBe("");
  });

  it("every key is used by some code, and the code uses no key the catalogues lack", () => {
    const used = new Set<string>();
    const unreadable: string[] = [];
    for (const file of SOURCE_FOLDERS.flatMap((f) => sourceFiles(join(ROOT, f)))) {
      const found = keysUsedIn(readFileSync(file, "utf8"));
      found.keys.forEach((k) => used.add(k));
      if (found.unreadable > 0) unreadable.push(relative(ROOT, file));
    }
    expect(unreadable, "translators the scan cannot read").toEqual([]);
    expect(
      [...english.keys()].filter((k) => !used.has(k)),
      "keys no code uses",
    ).toEqual([]);
    expect(
      [...used].filter((k) => !english.has(k)),
      "keys no catalogue has",
    ).toEqual([]);
  });

  it.each(LOCALES)("every plural in %s names each of the language's plural categories", (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const [key, message] of flatten(CATALOGUES[locale])) {
      if (!/\{\s*\w+\s*,\s*plural\s*,/.test(message)) continue;
      for (const category of categories)
        expect(message, `${key}: ${category}`).toMatch(new RegExp(`\\b${category} \\{`));
    }
  });
});

describe("the scan", () => {
  it.each([
    ['const t = useTranslations("nav"); t("menu"); t.rich("body", {})', ["nav.menu", "nav.body"], 0],
    ['const t = await getTranslations("a"); const u = useTranslations("b"); u("x"); t("y")', ["a.y", "b.x"], 0],
    ["const t = useTranslations(namespace);", [], 1],
    ['const t = await getTranslations({ locale, namespace: "a" }); t("x")', [], 1],
    ['type T = typeof getTranslations<"signInForm">; const t = useTranslations("n"); t("k")', ["n.k"], 0],
    ['const t = createTranslator({ locale, messages: m, namespace: "report" }); t("title")', ["report.title"], 0],
    ['const t = createTranslator({\n  locale,\n  namespace: "r",\n});\nt("a")', ["r.a"], 0],
    ["const t = createTranslator({ locale, messages, namespace });", [], 1],
    ['const say = { t: createTranslator({ locale, messages, namespace: "refusals" }) }; say.t("x")', ["refusals.x"], 0],
  ])("%s", (source, keys, unreadable) => {
    const found = keysUsedIn(source);
    expect(found.keys.sort()).toEqual([...keys].sort());
    expect(found.unreadable).toBe(unreadable);
  });
});

describe("plurals as written", () => {
  it.each([
    ["en", 1, "Notifications, 1 unread"],
    ["en", 3, "Notifications, 3 unread"],
    ["es", 1, "Notificaciones, 1 sin leer"],
    ["es", 12, "Notificaciones, 12 sin leer"],
    ["pl", 1, "Powiadomienia: 1 nieprzeczytane"],
    ["pl", 3, "Powiadomienia: 3 nieprzeczytane"],
    ["pl", 22, "Powiadomienia: 22 nieprzeczytane"],
    ["pl", 5, "Powiadomienia: 5 nieprzeczytanych"],
    ["pl", 12, "Powiadomienia: 12 nieprzeczytanych"],
    ["pl", 25, "Powiadomienia: 25 nieprzeczytanych"],
  ] as const)("%s, %d unread", (locale, count, expected) => {
    const t = createTranslator({ locale, messages: CATALOGUES[locale] as Messages, namespace: "nav" });
    expect(t("notificationsUnread", { count })).toBe(expected);
  });
});
