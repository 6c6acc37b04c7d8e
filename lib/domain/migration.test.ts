import { describe, expect, it } from "vitest";
import {
  acceptRaci,
  checkRaci,
  checkRun,
  checkRunDate,
  checkRunCounts,
  editWave,
  normaliseRaci,
  reconcile,
  recordRun,
  responsibilityShift,
  startMigration,
  waveCommands,
  type RaciRow,
  type RunKind,
  type WaveStatus,
} from "./migration";

describe("checkRunCounts", () => {
  it.each([
    [{ extracted: 100, loaded: 98, rejected: 2 }, []],
    [{ extracted: 100, loaded: 90, rejected: 0 }, []],
    [{ extracted: 100, loaded: 99, rejected: 2 }, ["loaded"]],
    [{ extracted: 0, loaded: 0, rejected: 0 }, ["extracted"]],
    [{ extracted: -1, loaded: 0, rejected: 0 }, ["extracted"]],
    [{ extracted: 10, loaded: 1.5, rejected: 0 }, ["loaded"]],
    [{ extracted: 10, loaded: 1, rejected: -2 }, ["rejected"]],
  ])("%j → errors on %j", (counts, fields) => {
    expect(checkRunCounts(counts).map((e) => e.field)).toEqual(fields);
  });
});

describe("reconcile", () => {
  it.each([
    ["rehearsal", { extracted: 1000, loaded: 990, rejected: 10 }, "passed", 0],
    ["rehearsal", { extracted: 1000, loaded: 980, rejected: 20 }, "passed", 0],
    ["rehearsal", { extracted: 1000, loaded: 970, rejected: 30 }, "failed", 0],
    ["production", { extracted: 1000, loaded: 995, rejected: 5 }, "passed", 0],
    ["production", { extracted: 1000, loaded: 994, rejected: 6 }, "failed", 0],
    ["production", { extracted: 1000, loaded: 990, rejected: 0 }, "failed", 10],
  ] as const)("%s %j → %s", (kind, counts, result, unaccounted) => {
    const r = reconcile(kind, counts);
    expect(r.result).toBe(result);
    expect(r.unaccounted).toBe(unaccounted);
    expect(r.reasons.length > 0).toBe(result === "failed");
  });

  it("explains each failure", () => {
    const r = reconcile("production", { extracted: 1000, loaded: 900, rejected: 50 });
    expect(r.reasons).toEqual([
      "50 extracted records were neither loaded nor rejected.",
      "Rejected 5.0% of the records; a production tolerates at most 0.50%.",
    ]);
  });
});

describe("recordRun: the wave status follows its runs", () => {
  const pass = { extracted: 1000, loaded: 1000, rejected: 0 };
  const fail = { extracted: 1000, loaded: 500, rejected: 0 };
  const cases: [WaveStatus, RunKind, typeof pass, WaveStatus | string][] = [
    ["planned", "rehearsal", pass, "ready"],
    ["planned", "rehearsal", fail, "rehearsing"],
    ["rehearsing", "rehearsal", pass, "ready"],
    ["ready", "rehearsal", fail, "rehearsing"],
    ["failed", "rehearsal", pass, "ready"],
    ["planned", "production", pass, "refused:rehearsal_not_passed"],
    ["rehearsing", "production", pass, "refused:rehearsal_not_passed"],
    ["ready", "production", pass, "completed"],
    ["ready", "production", fail, "failed"],
    ["migrating", "production", pass, "completed"],
    ["migrating", "rehearsal", pass, "refused:wave_migrating"],
    ["failed", "production", pass, "completed"],
    ["completed", "rehearsal", pass, "refused:wave_completed"],
    ["completed", "production", pass, "refused:wave_completed"],
  ];
  it.each(cases)("%s + %s run → %s", (status, kind, counts, expected) => {
    const result = recordRun(status, kind, counts);
    if (expected.startsWith("refused:")) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.refusal.code).toBe(expected.slice(8));
    } else {
      expect(result.ok && result.status).toBe(expected);
    }
  });

  it.each([
    ["ready", "migrating"],
    ["planned", "refused"],
    ["migrating", "refused"],
    ["completed", "refused"],
  ] as const)("starting the migration of a %s wave → %s", (status, expected) => {
    const result = startMigration(status);
    expect(result.ok ? result.status : "refused").toBe(expected);
  });
});

const row = (activity: string, phase: string, assignments: Record<string, string>): RaciRow => ({
  activity,
  phase,
  assignments,
});

describe("checkRaci", () => {
  it.each([
    ["a valid row", [row("Extract", "build", { vendor_team: "R", vendor_pm: "A", client_it: "C" })], []],
    [
      "no A",
      [row("Extract", "build", { vendor_team: "R" })],
      ["Extract: exactly one role is Accountable (A); none is."],
    ],
    [
      "two As",
      [row("Extract", "build", { vendor_team: "R", vendor_pm: "A", client_owner: "A" })],
      ["Extract: exactly one role is Accountable (A); 2 are."],
    ],
    [
      "no R",
      [row("Sign-off", "deployment", { client_owner: "A" })],
      ["Sign-off: at least one role is Responsible (R)."],
    ],
    ["unknown phase", [row("X", "someday", { vendor_pm: "A", vendor_team: "R" })], ["X: choose a phase."]],
    ["unknown role", [row("X", "design", { vendor_pm: "A", vendor_team: "R", ceo: "I" })], ['X: unknown role "ceo".']],
    [
      "bad letter",
      [row("X", "design", { vendor_pm: "A", vendor_team: "R", client_it: "Z" })],
      ['X: "Z" is not one of R, A, C, I.'],
    ],
    ["empty name", [row(" ", "design", { vendor_pm: "A", vendor_team: "R" })], ["Row 1: name the activity."]],
    [
      "duplicate",
      [
        row("Load", "build", { vendor_pm: "A", vendor_team: "R" }),
        row("load ", "build", { vendor_pm: "A", vendor_team: "R" }),
      ],
      ['"load" is listed twice.'],
    ],
    ["empty cells ignored", [row("X", "design", { vendor_pm: "A", vendor_team: "R", guardians: "" })], []],
  ])("%s", (_name, rows, messages) => {
    expect(checkRaci(rows).map((p) => p.message)).toEqual(messages);
  });

  it("normalises names and empty cells", () => {
    expect(normaliseRaci([row("  Load  ", "build", { vendor_pm: "A", guardians: "" })])).toEqual([
      row("Load", "build", { vendor_pm: "A" }),
    ]);
  });
});

describe("responsibilityShift", () => {
  it("moves the lead from vendor to client across the phases", () => {
    const shift = responsibilityShift([
      row("Mapping", "design", { vendor_pm: "A", vendor_team: "R", client_it: "C" }),
      row("Extract", "build", { vendor_pm: "A", vendor_team: "R", client_it: "R" }),
      row("Cut-over", "deployment", { client_owner: "A", vendor_team: "R", client_it: "R" }),
      row("Support", "post_implementation", { client_owner: "A", helpdesk: "R", guardians: "R" }),
    ]);
    expect(shift.map((p) => [p.phase, p.lead, p.vendorShare])).toEqual([
      ["design", "vendor", 100],
      ["build", "vendor", 67],
      ["deployment", "client", 33],
      ["post_implementation", "client", 0],
    ]);
    expect(shift[1]).toMatchObject({
      activities: 1,
      accountable: { vendor: 1, client: 0 },
      responsible: { vendor: 1, client: 1 },
    });
  });

  it("reports phases without activities and shared accountability", () => {
    const shift = responsibilityShift([
      row("A1", "build", { vendor_pm: "A", vendor_team: "R" }),
      row("A2", "build", { client_owner: "A", client_it: "R" }),
    ]);
    expect(shift.find((p) => p.phase === "design")).toMatchObject({ activities: 0, lead: "none", vendorShare: 0 });
    expect(shift.find((p) => p.phase === "build")).toMatchObject({ lead: "shared", vendorShare: 50 });
  });
});

describe("checkRunDate", () => {
  it.each([
    ["2026-11-21", "2026-11-22", false],
    ["2026-11-22", "2026-11-22", false],
    ["2026-11-23", "2026-11-22", true],
  ])("%s on %s refused: %s", (ranOn, today, refused) => {
    expect(checkRunDate(ranOn, today) !== null).toBe(refused);
  });
});

describe("waveCommands", () => {
  const statuses: WaveStatus[] = ["planned", "rehearsing", "ready", "migrating", "completed", "failed"];

  it.each([
    ["planned", ["rehearsal"], false, true],
    ["rehearsing", ["rehearsal"], false, true],
    ["ready", ["production", "rehearsal"], true, true],
    ["migrating", ["production"], false, true],
    ["failed", ["production", "rehearsal"], false, true],
    ["completed", [], false, false],
  ] as const)("a %s wave takes runs %j, start %s, edit %s", (status, runKinds, start, edit) => {
    expect(waveCommands(status)).toEqual({ runKinds, start, edit });
  });

  it.each(statuses)("offers on a %s wave exactly the runs recordRun accepts", (status) => {
    const counts = { extracted: 100, loaded: 100, rejected: 0 };
    const accepted = (["production", "rehearsal"] as const).filter((kind) => recordRun(status, kind, counts).ok);
    expect(waveCommands(status).runKinds).toEqual(accepted);
  });

  it("refuses to edit a completed wave, with the words the page and the API show", () => {
    expect(editWave("completed")).toEqual({
      ok: false,
      refusal: {
        code: "wave_completed",
        variant: "plan",
        message: "This wave is completed; its plan is part of the record.",
      },
    });
    expect(editWave("failed")).toEqual({ ok: true });
  });
});

describe("checkRun", () => {
  const today = "2026-03-10";
  it.each([
    [{ extracted: 100, loaded: 99, rejected: 1, ranOn: "2026-03-10" }, null],
    [{ extracted: 100, loaded: 99, rejected: 1, ranOn: "2026-03-11" }, { ranOn: 1 }],
    [{ extracted: 0, loaded: 0, rejected: 0, ranOn: "2026-03-01" }, { extracted: 1 }],
    [
      { extracted: 10, loaded: 8, rejected: 5, ranOn: "2026-03-11" },
      { loaded: 1, ranOn: 1 },
    ],
    [
      { extracted: -1, loaded: 0.5, rejected: 0, ranOn: "2026-03-01" },
      { extracted: 1, loaded: 1 },
    ],
  ])("%j → messages per field %j", (run, perField) => {
    const result = checkRun(run, today);
    if (perField === null) return expect(result).toEqual({ ok: true });
    expect(result).toMatchObject({
      ok: false,
      refusal: { code: "invalid_run", kind: "input", message: "Some figures of the run do not add up." },
    });
    const fieldErrors = result.ok ? {} : (result.refusal.fieldErrors ?? {});
    expect(Object.fromEntries(Object.entries(fieldErrors).map(([field, m]) => [field, m.length]))).toEqual(perField);
  });
});

describe("acceptRaci", () => {
  const good = {
    activity: "  Extract  ",
    phase: "build",
    assignments: { vendor_pm: "A", integrator: "R", guardians: "" },
  };
  it("stores the matrix normalised", () => {
    expect(acceptRaci([good])).toEqual({
      ok: true,
      rows: [{ activity: "Extract", phase: "build", assignments: { vendor_pm: "A", integrator: "R" } }],
    });
  });
  it("lists every problem under rows", () => {
    const result = acceptRaci([good, { activity: "", phase: "later", assignments: {} }]);
    expect(result).toMatchObject({ ok: false, refusal: { code: "raci_invalid", kind: "input" } });
    expect(result.ok ? [] : result.refusal.fieldErrors?.rows).toEqual(
      checkRaci([{ activity: "", phase: "later", assignments: {} }]).map((p) => p.message.replace("Row 1", "Row 2")),
    );
  });
});
