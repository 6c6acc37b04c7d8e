// Every error the app throws can be said in the reader's language, and its English catalogue
// sentence is exactly the English it throws (tests and API clients read that English).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { ADMIN_REFUSALS } from "@/lib/data/access";
import { LINK_PROBLEMS } from "@/lib/data/invitations";
import { memberSaying, membershipProblem } from "@/lib/data/project-setup";
import { assertContentLength, inspectUpload } from "@/lib/data/uploads";
import { UNUSABLE_LINK_MESSAGES } from "@/lib/domain/account-link";
import { plannedDateProblem } from "@/lib/domain/gate-schedule";
import type { PolicyGate } from "@/db/enums";
import { DEFAULT_POLICY_GATES } from "@/lib/domain/default-policy";
import { acceptRaci, checkRun } from "@/lib/domain/migration";
import { planPublication, validatePolicy } from "@/lib/domain/policy";
import { type Refusal, refusalKey } from "@/lib/domain/refusal";
import {
  AppError,
  fieldErrorsIn,
  forbidden,
  messageIn,
  NOT_FOUND_THINGS,
  notFound,
  type NotFoundWhat,
  refusalError,
  STALE_THINGS,
  staleVersion,
  type StaleWhat,
} from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locale";
import { type ProblemKey, wordsFor } from "@/lib/refusal-words";
import en from "@/messages/en/refusals.json";
import es from "@/messages/es/refusals.json";
import pl from "@/messages/pl/refusals.json";
import { errorThrows } from "./error-sayings";

const ROOT = join(__dirname, "..", "..");

/**
 * Throws that may stay English, each with why. Keep this short: an entry is a message some
 * reader sees untranslated.
 */
const EXEMPT: { file: string; reason: string; why: string }[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const throws = ["lib", "app"]
  .flatMap((dir) => sourceFiles(join(ROOT, dir)))
  .filter((path) => relative(ROOT, path) !== join("lib", "errors.ts"))
  .flatMap((path) => errorThrows(path, readFileSync(path, "utf8")).map((t) => ({ ...t, file: relative(ROOT, path) })));

const english = createTranslator({
  locale: "en",
  messages: en,
  namespace: "problems",
  onError: (error) => {
    throw error;
  },
});
const sayEnglish = (key: ProblemKey, params?: Record<string, string | number>) => english(key, params);

describe("the error-saying scan", () => {
  const scan = (code: string) => errorThrows("x.ts", code);
  it.each([
    ["an AppError without saying", 'throw new AppError("conflict", "Taken.", "taken");', false],
    ["an AppError with undefined saying", 'new AppError("conflict", "Taken.", "taken", undefined, undefined);', false],
    ["a forbidden of its own words", 'throw forbidden("Only vendors.");', false],
    ["an AppError with its saying", 'new AppError("conflict", "Taken.", "t", undefined, { problem: "x" });', true],
    ["a saying passed on", "new AppError(code, message, reason, details, saying);", true],
    ["a forbidden with its saying", 'throw forbidden("Only vendors.", { problem: "x" });', true],
  ])("tells %s", (_, code, hasSaying) => {
    expect(scan(code).map((t) => t.hasSaying)).toEqual([hasSaying]);
  });

  it("leaves the generic forbidden() alone, and reads comments and strings as nothing", () => {
    expect(scan('throw forbidden(); // new AppError("x", "y")\nconst s = "new AppError(";')).toEqual([]);
  });

  it("reads the literal English of the message and of each field with its key", () => {
    const [found] = scan(
      'new AppError("invalid_input", "Pick one.", "r", { fieldErrors: { a: ["Unknown."], b: ["Pick one."] } }, ' +
        '{ problem: "pick", fields: { a: "unknown" } });',
    );
    expect(found.said).toEqual([
      { english: "Pick one.", problem: "pick" },
      { english: "Unknown.", problem: "unknown" },
      { english: "Pick one.", problem: "pick" },
    ]);
  });
});

describe("every error thrown in lib/ and app/", () => {
  it("finds the throws (a broken scan must not pass by finding none)", () => {
    expect(throws.length).toBeGreaterThan(60);
  });

  it("carries a saying, so Spanish and Polish readers get their own words", () => {
    const unsaid = throws
      .filter((t) => !t.hasSaying)
      .filter((t) => !EXEMPT.some((e) => e.file === t.file && t.where.includes(e.reason)))
      .map((t) => `${t.file}:${t.line} ${t.where}`);
    expect(unsaid).toEqual([]);
  });

  it("writes no refusal on the spot that the catalogue cannot say", () => {
    const written = throws.filter((t) => t.refusal);
    expect(written.length).toBeGreaterThan(0);
    const unknown = written.filter((t) => !Object.hasOwn(en.refusals, refusalKey(t.refusal!)));
    expect(unknown.map((t) => `${t.file}:${t.line} ${t.where}`)).toEqual([]);
  });

  it("has its literal English rendered exactly by the English catalogue", () => {
    const pairs = throws.flatMap((t) => t.said.map((s) => ({ ...s, at: `${t.file}:${t.line}` })));
    expect(pairs.length).toBeGreaterThan(60);
    const drift = pairs.filter((p) => sayEnglish(p.problem as ProblemKey) !== p.english);
    expect(drift).toEqual([]);
  });
});

/** Sentences with values: the English thrown (by the code itself where it is callable) and its saying. */
const WITH_VALUES: { name: string; thrown: string; key: ProblemKey; params: Record<string, string | number> }[] = [
  ...(["active", "on_hold", "killed", "live", "closed"] as const).map((status) => ({
    name: `a read-only project (${status})`,
    // lib/data/access.ts
    thrown: `This project is ${status.replace("_", " ")}; it can no longer be changed.`,
    key: "projectNoLongerChanges" as const,
    params: { status },
  })),
  {
    name: "a week's report generated twice",
    // lib/data/status-reports.ts
    thrown: `The report for week ${"2026-W47"} already exists; it is frozen and cannot be generated again.`,
    key: "reportExists",
    params: { week: "2026-W47" },
  },
  {
    name: "a decided gate's dates",
    // lib/data/gate-board.ts
    thrown: `Gate ${7} has been decided; its dates are part of the record.`,
    key: "gateDecidedDates",
    params: { number: 7 },
  },
  {
    name: "a planned date before the start",
    thrown: plannedDateProblem("2026-01-01", "2026-02-02")!,
    key: "gatePlannedBeforeStart",
    params: { startDate: "2026-02-02" },
  },
  ...[1, 15].map((minutes) => ({
    name: `too many wrong passwords (${minutes} min)`,
    // lib/data/go-live-sign-off.ts
    thrown: `Too many wrong passwords. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
    key: "tooManyWrongPasswords" as const,
    params: { minutes },
  })),
  ...[1, 15].map((minutes) => ({
    name: `too many wrong passwords or codes (${minutes} min)`,
    // lib/data/presence-proof.ts
    thrown: `Too many wrong passwords or codes. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
    key: "tooManyWrongPasswordsOrCodes" as const,
    params: { minutes },
  })),
  {
    name: "an account already active",
    thrown: `${"Ana Ruiz"} has already chosen a password. Send a reset link instead.`,
    key: "accountActive",
    params: { name: "Ana Ruiz" },
  },
  {
    name: "an account still invited",
    thrown: `${"Ana Ruiz"} has not accepted the invitation yet. Copy a new invitation link instead.`,
    key: "accountInvited",
    params: { name: "Ana Ruiz" },
  },
  {
    name: "a taken activity key",
    thrown: `${"Standard"} already has an activity with this key.`,
    key: "activityKeyTaken",
    params: { level: "Standard" },
  },
  ...[1, 3].map((count) => ({
    name: `a system with ${count} interface(s)`,
    thrown: `${"SAP"} still has ${count} interface${count === 1 ? "" : "s"}; remove them first.`,
    key: "systemHasInterfaces" as const,
    params: { name: "SAP", count },
  })),
];

/** Errors the code itself throws, called with what makes it refuse. */
function thrownBy(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

const UPLOAD_ERRORS = {
  "a too large upload": thrownBy(() => assertContentLength(String(1024 ** 3))),
  "an empty file": thrownBy(() => inspectUpload("notes.txt", Buffer.alloc(0))),
  "a refused file type": thrownBy(() => inspectUpload("tool.exe", Buffer.from("MZ"))),
  "a file without a type": thrownBy(() => inspectUpload("README", Buffer.from("text"))),
  "a fake PDF": thrownBy(() => inspectUpload("plan.pdf", Buffer.from("not a pdf"))),
  "a binary text file": thrownBy(() => inspectUpload("rows.csv", Buffer.from([0x61, 0, 0x62]))),
};

describe("sentences with values", () => {
  it.each(WITH_VALUES)("says $name in English exactly as thrown", ({ thrown, key, params }) => {
    expect(sayEnglish(key, params)).toBe(thrown);
  });

  it.each(Object.entries(UPLOAD_ERRORS))("says %s in English exactly as thrown, field too", (_, error) => {
    const saying = error.saying as { problem: ProblemKey; params?: Record<string, string | number> };
    expect(sayEnglish(saying.problem, saying.params)).toBe(error.message);
    expect(error.details?.fieldErrors?.file).toEqual([error.message]);
  });

  it.each(Object.entries(ADMIN_REFUSALS))("says %s", (thrown, key) => {
    expect(sayEnglish(key)).toBe(thrown);
  });

  it.each(Object.entries(LINK_PROBLEMS))("says a %s link as the link page does", (state, key) => {
    expect(sayEnglish(key, { days: 7 })).toBe(UNUSABLE_LINK_MESSAGES[state as keyof typeof LINK_PROBLEMS]);
  });

  const people = [
    ["no account", undefined],
    ["a disabled account", { role: "vendor_pm", organizationId: null, disabledAt: "2026-01-01" }],
    ["another client organisation", { role: "client", organizationId: "other", disabledAt: null }],
    ["a client in a vendor role", { role: "client", organizationId: "org", disabledAt: null }],
    ["a vendor in a client role", { role: "vendor_pm", organizationId: null, disabledAt: null }],
  ] as const;
  it.each(people)("says the membership problem of %s, alone and with who it is", (_, user) => {
    const role = user?.role === "client" ? "project_manager" : "client_owner";
    const problem = membershipProblem(user as Parameters<typeof membershipProblem>[0], role, "org")!;
    expect(sayEnglish(problem.problem)).toBe(problem.message);
    // Project setup names the member by email, or by place when there is no account at all.
    const email = user ? "ana@example.test" : undefined;
    const saying = memberSaying(problem.problem, email, 2) as { problem: ProblemKey; params: { email: string } };
    expect(sayEnglish(saying.problem, saying.params)).toBe(`${email ?? "member 2"}: ${problem.message}`);
  });

  it("says a forbidden of its own words in every language, and the plain one generically", () => {
    const own = forbidden("Only vendor staff choose gate policies.", { problem: "vendorChoosesPolicies" });
    expect(own.saying).toEqual({ problem: "vendorChoosesPolicies" });
    expect(forbidden().saying).toEqual({ problem: "forbidden" });
  });
});

describe("the new sentences in Spanish and Polish", () => {
  const values = {
    ...Object.assign({}, ...WITH_VALUES.map((w) => w.params)),
    ...{ row: 2, activity: "Cut-over", named: "yes", role: "ghost", letter: "X" },
    ...{ loaded: 9, rejected: 4, extracted: 10 },
    ...{ domains: "x.example, y", domain: "x.example", organization: "Aguas" },
    ...{ host: "hooks.example.com", address: "10.0.0.7", types: "gate.exploded" },
    ...{ numbers: "3", max: 12, highest: 7, number: 7, key: "scope", size: "huge", roles: "ghost" },
    ...{
      what: "x",
      thing: "sprint",
      count: 3,
      days: 7,
      email: "a@b.c",
      position: 2,
      extension: "exe",
      allowed: "pdf",
      megabytes: 20,
    },
  };
  const catalogues = { es, pl } as const;
  it.each(LOCALES.filter((l) => l !== "en"))("has every key in %s, each rendering with no value missing", (l) => {
    const locale = l as "es" | "pl";
    const say = createTranslator({
      locale,
      messages: catalogues[locale],
      namespace: "problems",
      onError: (error) => {
        throw error;
      },
    });
    for (const key of Object.keys(en.problems) as ProblemKey[]) {
      const sentence = say(key, values);
      expect(sentence, key).not.toMatch(/[{}]/);
      expect(sentence, key).not.toBe(sayEnglish(key, values));
    }
  });
});

/** The refusal of a rule that finds several things wrong (its `findings`), from the rule itself. */
function refusalOf(outcome: { ok: boolean; refusal?: Refusal }): Refusal {
  expect(outcome.ok).toBe(false);
  return outcome.refusal!;
}

/** The default policy with every kind of mistake a person can make in the policy editor. */
function brokenPolicy(): PolicyGate[] {
  const gates: PolicyGate[] = JSON.parse(JSON.stringify(DEFAULT_POLICY_GATES));
  const [seven, six, five, four, , two] = gates;
  Object.assign(seven, { name: " ", objectives: "", decisionRule: "dictator" });
  seven.artifactTypes.push({ ...seven.artifactTypes[0], title: "" });
  seven.artifactTypes.push({ ...seven.artifactTypes[0], key: "never_required", requirement: {} });
  seven.artifactTypes.push({ ...seven.artifactTypes[0], key: "Bad Key", requirement: { huge: "must" } as never });
  seven.artifactTypes[0].approverRoles = ["emperor" as never];
  if (seven.artifactTypes[1]) seven.artifactTypes[1].approverRoles = ["project_manager", "project_manager"];
  six.defaultBoard = [
    { projectRole: "ghost" as never, required: false },
    { projectRole: "ghost" as never, required: false },
  ];
  Object.assign(five, { decisionRule: "quorum", quorum: 0, schedule: { anchor: "moon", days: 1 } });
  Object.assign(four, { schedule: { anchor: "start", days: 99999 } });
  Object.assign(two, { schedule: { anchor: "start", days: -3 } });
  return [...gates.filter((g) => g.number !== 3), { ...gates[0], number: 7 }, { ...gates[0], number: 14 }];
}

const FINDINGS: [string, Refusal][] = [
  ["a policy with every kind of mistake", refusalOf(validatePolicy(brokenPolicy()))],
  ["a policy without gates", refusalOf(validatePolicy([]))],
  [
    "an edit that changes the number of gates",
    refusalOf(
      planPublication({
        latest: { version: 1, gates: DEFAULT_POLICY_GATES },
        basedOn: 1,
        draft: DEFAULT_POLICY_GATES.slice(1),
      }),
    ),
  ],
  [
    "a run whose figures are not whole numbers",
    refusalOf(checkRun({ extracted: -1, loaded: 0.5, rejected: 0, ranOn: "2026-01-01" }, "2026-02-01")),
  ],
  [
    "a run that loads more than it extracts, in the future",
    refusalOf(checkRun({ extracted: 10, loaded: 9, rejected: 4, ranOn: "2026-03-01" }, "2026-02-01")),
  ],
  [
    "a run that extracts nothing",
    refusalOf(checkRun({ extracted: 0, loaded: 0, rejected: 0, ranOn: "2026-01-01" }, "2026-02-01")),
  ],
  [
    "a RACI matrix with every kind of problem",
    refusalOf(
      acceptRaci([
        { activity: "", phase: "nowhere", assignments: { vendor_pm: "X", ghost: "R" } },
        { activity: "Cut-over", phase: "cutover", assignments: { vendor_pm: "A", client_it: "A" } },
        { activity: "cut-over", phase: "cutover", assignments: { vendor_pm: "R" } },
      ]),
    ),
  ],
];

describe("findings of a rule, one sentence per field message", () => {
  it("covers every policy finding the editor can show", () => {
    const keys = FINDINGS.flatMap(([, r]) => Object.values(r.findings ?? {}).flatMap((f) => f.map((x) => x.key)));
    const policyKeys = Object.keys(en.problems).filter((key) => key.startsWith("policy"));
    expect(policyKeys.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it.each(FINDINGS)("%s: every message has its finding, said in English exactly", (_, refusal) => {
    const fields = Object.entries(refusal.fieldErrors ?? {});
    expect(fields.length).toBeGreaterThan(0);
    expect(Object.keys(refusal.findings ?? {})).toEqual(fields.map(([field]) => field));
    for (const [field, messages] of fields) {
      const findings = refusal.findings?.[field] ?? [];
      expect(findings, field).toHaveLength(messages.length);
      findings.forEach((finding, i) => expect(sayEnglish(finding.key as ProblemKey, finding.params)).toBe(messages[i]));
    }
  });

  it.each(FINDINGS)("%s: said in Spanish and Polish under the same fields", async (_, refusal) => {
    const error = refusalError(refusal);
    for (const locale of ["es", "pl"] as const) {
      const said = fieldErrorsIn(error, await wordsFor(locale))!;
      expect(Object.keys(said)).toEqual(Object.keys(refusal.fieldErrors!));
      for (const [field, messages] of Object.entries(said)) {
        messages.forEach((message, i) => {
          expect(message).not.toBe(refusal.fieldErrors![field][i]);
          expect(message).not.toMatch(/[{}]/);
        });
      }
    }
  });

  it("a RACI row is named by its activity, or by its number", async () => {
    const said = fieldErrorsIn(refusalError(FINDINGS[6][1]), await wordsFor("es"))!;
    expect(said.rows).toContain("Fila 1: elija una fase.");
    expect(said.rows).toContain("Fila 1: indique el nombre de la actividad.");
    expect(said.rows).toContain("«cut-over» aparece dos veces.");
    expect(said.rows).toContain("Cut-over: exactamente un rol debe rendir cuentas (A); hay 2.");
  });
});

describe("the object a 404 or a stale version names", () => {
  const named = [
    ...(Object.keys(NOT_FOUND_THINGS) as NotFoundWhat[]).map((what) => [what, notFound(what)] as const),
    ["Gate 3", notFound("Gate 3")] as const,
    ...(Object.keys(STALE_THINGS) as StaleWhat[]).map((what) => [what, staleVersion(what)] as const),
  ];

  it.each(named)("%s: in English as thrown, in Spanish and Polish without an English word", async (what, error) => {
    expect(messageIn(error, await wordsFor("en"))).toBe(error.message);
    for (const locale of ["es", "pl"] as const) {
      const said = messageIn(error, await wordsFor(locale));
      expect(said).not.toMatch(/[{}]/);
      if (what !== "this") expect(said.toLowerCase()).not.toContain(what.toLowerCase());
    }
  });

  it("each object has its own words, not the generic ones", async () => {
    const es = await wordsFor("es");
    const generic = messageIn(notFound(), es);
    const same = named.filter(
      ([what, error]) => !["This item", "this"].includes(what) && messageIn(error, es) === generic,
    );
    expect(same.map(([what]) => what)).toEqual([]);
    expect(messageIn(notFound("Gate 3"), es)).toBe("La puerta 3 no existe o usted no tiene acceso a ella.");
    expect(messageIn(staleVersion("this milestone"), await wordsFor("pl"))).toMatch(
      /^W międzyczasie ktoś inny zmienił ten kamień milowy płatności\./,
    );
  });
});
