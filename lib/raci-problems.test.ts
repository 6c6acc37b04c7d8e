// The RACI editor's sentences come from the catalogue; in English they must read exactly as the
// domain's own messages, and every language must render every kind of problem.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { checkRaci, type RaciRow } from "@/lib/domain/migration";
import enMigration from "@/messages/en/migration.json";
import esMigration from "@/messages/es/migration.json";
import plMigration from "@/messages/pl/migration.json";
import { raciProblemText } from "./raci-problems";

const row = (activity: string, phase: string, assignments: Record<string, string>): RaciRow => ({
  activity,
  phase,
  assignments,
});

const CASES: [string, RaciRow[]][] = [
  ["no A", [row("Extract", "build", { vendor_team: "R" })]],
  ["two As", [row("Extract", "build", { vendor_team: "R", vendor_pm: "A", client_owner: "A" })]],
  ["three As", [row("Extract", "build", { vendor_team: "R", vendor_pm: "A", client_owner: "A", client_it: "A" })]],
  ["no R", [row("Sign-off", "deployment", { client_owner: "A" })]],
  ["unknown phase", [row("X", "someday", { vendor_pm: "A", vendor_team: "R" })]],
  ["unknown role", [row("X", "design", { vendor_pm: "A", vendor_team: "R", ceo: "I" })]],
  ["bad letter", [row("X", "design", { vendor_pm: "A", vendor_team: "R", client_it: "Z" })]],
  ["empty name", [row(" ", "design", { vendor_pm: "A", vendor_team: "R" })]],
  ["empty name and no A", [row("", "design", { vendor_team: "R" })]],
  [
    "duplicate",
    [
      row("Load", "build", { vendor_pm: "A", vendor_team: "R" }),
      row("load ", "build", { vendor_pm: "A", vendor_team: "R" }),
    ],
  ],
];

const translator = (locale: "en" | "es" | "pl", messages: typeof enMigration) =>
  createTranslator({ locale, messages, namespace: "migrationPlan" });

describe("RACI problems in the reader's language", () => {
  it.each(CASES)("%s: English reads as the domain's message", (_name, rows) => {
    const problems = checkRaci(rows);
    expect(problems.length).toBeGreaterThan(0);
    const t = translator("en", enMigration);
    expect(problems.map((p) => raciProblemText(t, p))).toEqual(problems.map((p) => p.message));
  });

  it.each([
    ["es", esMigration],
    ["pl", plMigration],
  ] as const)("%s renders every problem, in its own words", (locale, messages) => {
    const t = translator(locale, messages as typeof enMigration);
    for (const [, rows] of CASES)
      for (const problem of checkRaci(rows)) {
        const text = raciProblemText(t, problem);
        expect(text).not.toBe(problem.message);
        expect(text).not.toMatch(/[{}]/);
      }
  });

  it.each([
    ["es", 2, "hay 2"],
    ["pl", 2, "są 2"],
    ["pl", 5, "jest 5"],
    ["pl", 0, "nie ma żadnej"],
  ] as const)("%s counts %d accountable roles as “%s”", (locale, count, expected) => {
    const messages = (locale === "es" ? esMigration : plMigration) as typeof enMigration;
    const text = raciProblemText(translator(locale, messages), {
      row: 0,
      activity: "X",
      message: "",
      issue: { kind: "accountable", count },
    });
    expect(text).toContain(expected);
  });
});
