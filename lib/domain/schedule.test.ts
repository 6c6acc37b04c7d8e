import { describe, expect, it } from "vitest";
import { escapeGanttText, ganttDefinition, normalizeSchedule, type ScheduleItem } from "./schedule";

const item = (over: Partial<ScheduleItem>): ScheduleItem => ({
  group: "Gates",
  kind: "Gate",
  label: "7 Kickoff",
  start: "2026-01-10",
  state: "planned",
  ...over,
});

describe("escapeGanttText", () => {
  it.each([
    ["plain text", "Invoicing", "Invoicing"],
    ["colon would start task data", "Phase: build", "Phase∶ build"],
    ["semicolon and hash end a line or start a comment", "a;b#c", "a；b＃c"],
    ["%% starts a mermaid comment", "100%% done", "100％％ done"],
    ["markup stays text", "<img src=x onerror=alert(1)>", "‹img src=x onerror=alert(1)›"],
    ["newlines cannot add lines", "one\nsection Evil\r\ntwo", "one section Evil two"],
    ["entities cannot be decoded", "&lt;b&gt;", "＆lt；b＆gt；"],
    ["quotes, braces and backticks", 'say "hi" {x} `y`', "say 'hi' 'x' 'y'"],
    ["empty becomes a placeholder", "   ", "(untitled)"],
  ])("%s", (_name, input, expected) => {
    expect(escapeGanttText(input)).toBe(expected);
  });

  it("shortens very long text", () => {
    const out = escapeGanttText("x".repeat(200));
    expect(out).toHaveLength(80);
    expect(out.endsWith("…")).toBe(true);
  });
});

describe("normalizeSchedule", () => {
  it("drops items with invalid dates, clamps reversed ranges and sorts by start", () => {
    const out = normalizeSchedule([
      item({ label: "late", start: "2026-03-01" }),
      item({ label: "bad", start: "2026-3-1" }),
      item({ kind: "Sprint", label: "reversed", start: "2026-02-10", end: "2026-02-01" }),
    ]);
    expect(out.map((i) => [i.label, i.start, i.end])).toEqual([
      ["reversed", "2026-02-10", "2026-02-10"],
      ["late", "2026-03-01", undefined],
    ]);
  });
});

describe("ganttDefinition", () => {
  it("groups by section in order of first appearance, with milestones and bars", () => {
    const text = ganttDefinition("Nordlicht: schedule", [
      item({ label: "7 Kickoff", start: "2026-01-10", state: "done" }),
      item({
        group: "Sprints",
        kind: "Sprint",
        label: "1 Tariffs",
        start: "2026-01-12",
        end: "2026-01-23",
        state: "active",
      }),
      item({ label: "6 Closure", start: "2026-02-01", state: "late" }),
      item({ group: "Invoicing", kind: "Migration", label: "Residential wave", start: "2026-03-01", state: "planned" }),
    ]);
    expect(text).toBe(
      [
        "gantt",
        "  title Nordlicht∶ schedule",
        "  dateFormat YYYY-MM-DD",
        "  axisFormat %b %Y",
        "  section Gates",
        "  Gate · 7 Kickoff :done, milestone, t1, 2026-01-10, 0d",
        "  Gate · 6 Closure :crit, milestone, t2, 2026-02-01, 0d",
        "  section Sprints",
        "  Sprint · 1 Tariffs :active, t3, 2026-01-12, 2026-01-24",
        "  section Invoicing",
        "  Migration · Residential wave :milestone, t4, 2026-03-01, 0d",
      ].join("\n"),
    );
  });

  it("keeps hostile names on their own line as inert text", () => {
    const text = ganttDefinition("x", [
      item({ group: "Evil: section\n  title hacked", label: "a :done, z, 2020-01-01, 1d\n  section Owned" }),
    ]);
    const lines = text.split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[4]).toBe("  section Evil∶ section title hacked");
    expect(lines[5]).toBe("  Gate · a ∶done, z, 2020-01-01, 1d section Owned :milestone, t1, 2026-01-10, 0d");
  });
});

describe("ganttDefinition of a six-step project", () => {
  it("draws one milestone per step, whatever the policy's gate count", () => {
    const steps: ScheduleItem[] = [6, 5, 4, 3, 2, 1].map((n, i) => ({
      group: "Gates",
      kind: "Gate",
      label: `${n} Step ${n}`,
      start: `2026-0${i + 1}-15`,
      state: n > 4 ? "done" : n === 4 ? "active" : "planned",
    }));
    const lines = ganttDefinition("Six steps", steps)
      .split("\n")
      .filter((l) => l.includes("milestone"));
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/Gate · 6 Step 6 :done, milestone, t1, 2026-01-15, 0d/);
    expect(lines[2]).toMatch(/Gate · 4 Step 4 :active, milestone, t3, 2026-03-15, 0d/);
    expect(lines[5]).toMatch(/Gate · 1 Step 1 :milestone, t6, 2026-06-15, 0d/);
  });
});
