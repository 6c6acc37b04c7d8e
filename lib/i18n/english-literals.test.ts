import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { englishLiterals } from "./english-literals";

const ROOT = join(__dirname, "..", "..");
const texts = (code: string) => englishLiterals("x.tsx", code).map((f) => f.text);

describe("the English-literal scan finds", () => {
  it.each([
    ["JSX text", "const a = <p>No gates yet.</p>;", ["No gates yet."]],
    ["a visible attribute", '<button aria-label="Close dialog" />', ["Close dialog"]],
    ["a one-word visible attribute", '<input placeholder="Search" />', ["Search"]],
    ["a prose attribute of our own component", '<Card heading="Review rounds" />', ["Review rounds"]],
    ["a string child", '<p>{"Nothing to show"}</p>', ["Nothing to show"]],
    [
      "a ternary of labels",
      'const label = open ? "Open the gate" : "Close the gate";',
      ["Open the gate", "Close the gate"],
    ],
    ["a page title", 'export const metadata = { title: "Gate policies" };', ["Gate policies"]],
    ["prose in a template", "const s = `${n} of ${m} person-days done`;", ["… of … person-days done"]],
  ])("%s", (_, code, expected) => {
    expect(texts(code)).toEqual(expected);
  });
});

describe("the English-literal scan leaves alone", () => {
  it.each([
    ["translated text", 'const t = useTranslations("gatePage"); <p>{t("empty")}</p>;'],
    ["directives", '"use client";'],
    [
      "class lists",
      '<div className="rounded px-2 text-sm hover:bg-slate-100" />; const c = "bg-brand-50 font-semibold";',
    ],
    ["class templates", 'const c = `relative shrink-0 ${wide ? "w-full" : ""}`;'],
    ["machine attributes", '<a href="/projects/new" rel="noopener noreferrer" data-state="in review" />'],
    ["comparisons and cases", 'if (status === "in review") {} switch (s) { case "not started": break; }'],
    [
      "imports, keys, paths and codes",
      'import x from "@/lib/x"; const o = { "Not a text": 1 }; const p = "gate_missing_requirements";',
    ],
    ["the brand and symbols", "<p>Lightgate</p>; <span>—</span>; <span>→</span>; <span>3 / 7</span>;"],
    ["classes with arbitrary values", 'const c = "grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]";'],
    ["a URL placeholder and entities", '<input placeholder="https://…" />; <p>&lt;{email}&gt; —</p>;'],
    ["an exempted literal", 'const sample = "Hello world"; // i18n-exempt: a code sample'],
    ["a translator argument", 't("notFound"); t.rich("intro", { strong: (c) => c });'],
  ])("%s", (_, code) => {
    expect(texts(code)).toEqual([]);
  });
});

describe("the components", () => {
  it("hold no user-visible English outside the catalogues", () => {
    const found = ["app", "components"]
      .flatMap((folder) => tsxFiles(join(ROOT, folder)))
      .flatMap((file) =>
        englishLiterals(file, readFileSync(file, "utf8")).map(
          (f) => `${relative(ROOT, file)}:${f.line} (${f.where}) ${f.text}`,
        ),
      );
    expect(found).toEqual([]);
  });
});

function tsxFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith(".tsx") ? [path] : [];
  });
}
