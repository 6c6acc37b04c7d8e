// The build precompiles the catalogues (next.config.js: icu-minify compiles each message, a small
// formatter renders it), while vitest and the scripts format the ICU source at run time. Every
// message of every language must read the same both ways: each one is rendered by both formatters
// with values that reach each plural, select and number arm, dates and rich-text tags.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import compile from "icu-minify/compile";
import { _createCache, _createIntlFormatters } from "use-intl/core";
import formatSource from "use-intl/format-message";
import formatCompiled from "use-intl/format-message/format-only";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locale";

const MESSAGES = join(__dirname, "..", "..", "messages");
const MOMENT = new Date("2026-03-04T05:06:07Z");
/** Numbers that reach one, few, many and other in English, Spanish and Polish, and fractions. */
const COUNTS = [0, 1, 2, 3, 5, 11, 22, 1.5, 1234.56];

type Values = Record<string, unknown>;

/** Every value each argument of a message is tried with. */
function argumentValues(elements: MessageFormatElement[], out = new Map<string, Set<unknown>>()) {
  const add = (name: string, ...values: unknown[]) => {
    const set = out.get(name) ?? out.set(name, new Set()).get(name)!;
    for (const value of values) set.add(value);
  };
  for (const el of elements) {
    if (el.type === TYPE.argument) add(el.value, "Nordlicht");
    else if (el.type === TYPE.number) add(el.value, ...COUNTS);
    else if (el.type === TYPE.date || el.type === TYPE.time) add(el.value, MOMENT);
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      if (el.type === TYPE.plural) add(el.value, ...COUNTS);
      else add(el.value, ...Object.keys(el.options), "unlisted");
      for (const option of Object.values(el.options)) argumentValues(option.value, out);
    } else if (el.type === TYPE.tag) {
      add(el.value, (chunks: unknown[]) => `<${el.value}>${chunks.join("")}</${el.value}>`);
      argumentValues(el.children, out);
    }
  }
  return out;
}

/** Every combination of those values (at most about 200 a message, spread evenly). */
function combinations(values: Map<string, Set<unknown>>): Values[] {
  let all: Values[] = [{}];
  for (const [name, tried] of values) {
    const next = all.flatMap((base) => [...tried].map((value) => ({ ...base, [name]: value })));
    all = next.length > 200 ? next.filter((_, i) => i % Math.ceil(next.length / 200) === 0) : next;
  }
  return all;
}

function leaves(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}

const text = (rendered: unknown) => (Array.isArray(rendered) ? rendered.join("") : String(rendered));

describe.each(LOCALES)("the %s catalogue, precompiled", (locale) => {
  const areas = readdirSync(join(MESSAGES, locale)).filter((name) => name.endsWith(".json"));

  it.each(areas)("%s reads as its source does", (area) => {
    const catalogue = JSON.parse(readFileSync(join(MESSAGES, locale, area), "utf8")) as object;
    const cache = _createCache();
    const options = { cache, formatters: _createIntlFormatters(cache), locale, timeZone: "Europe/Warsaw" };
    const differences: string[] = [];
    for (const [key, source] of leaves(catalogue)) {
      const compiled = compile(source);
      for (const values of combinations(argumentValues(parse(source)))) {
        const given = Object.keys(values).length > 0 ? values : undefined;
        const fromSource = text(formatSource(key, source, given as never, options));
        const fromCompiled = text(formatCompiled(key, compiled, given as never, options));
        if (fromSource !== fromCompiled) differences.push(`${key}: "${fromSource}" ≠ "${fromCompiled}"`);
      }
    }
    expect(differences).toEqual([]);
  });
});
