import { describe, expect, it } from "vitest";
import { baselineMarkdown, decideBaseline, decideScopeChange, type ScopeFields } from "./scope";

const item: ScopeFields = {
  title: "Tariff import",
  category: "configuration",
  priority: "must",
  estimateDays: 5,
  status: "planned",
  releaseId: "r1",
};

describe("decideScopeChange", () => {
  it.each([
    {
      name: "add before baseline needs no reason",
      before: null,
      after: item,
      baselined: false,
      reason: "",
      result: "added",
    },
    {
      name: "add after baseline needs a reason",
      before: null,
      after: item,
      baselined: true,
      reason: "",
      refused: "scope_reason_required",
    },
    {
      name: "add after baseline with reason",
      before: null,
      after: item,
      baselined: true,
      reason: "Regulator asked",
      result: "added",
    },
    {
      name: "change after baseline needs a reason",
      before: item,
      after: { ...item, estimateDays: 8 },
      baselined: true,
      reason: " ",
      refused: "scope_reason_required",
    },
    {
      name: "change before baseline",
      before: item,
      after: { ...item, estimateDays: 8 },
      baselined: false,
      reason: "",
      result: "changed",
    },
    {
      name: "no-op change refused",
      before: item,
      after: { ...item },
      baselined: false,
      reason: "",
      refused: "scope_no_change",
    },
    { name: "removal", before: item, after: null, baselined: true, reason: "Out of MVP", result: "removed" },
    {
      name: "removal of a removed item",
      before: { ...item, status: "dropped" as const },
      after: null,
      baselined: false,
      reason: "",
      refused: "scope_item_dropped",
    },
  ])("$name", ({ before, after, baselined, reason, result, refused }) => {
    const outcome = decideScopeChange(before, after, { baselined, reason });
    if (refused) expect(outcome).toMatchObject({ ok: false, refusal: { code: refused } });
    else expect(outcome).toMatchObject({ ok: true, change: result });
  });

  it("records only the fields that changed", () => {
    const outcome = decideScopeChange(
      item,
      { ...item, estimateDays: 8, priority: "should" },
      { baselined: true, reason: "Re-estimated" },
    );
    expect(outcome).toEqual({
      ok: true,
      change: "changed",
      before: { priority: "must", estimateDays: 5 },
      after: { priority: "should", estimateDays: 8 },
      reason: "Re-estimated",
    });
  });

  it("refuses changing an item delivered in an accepted sprint", () => {
    expect(
      decideScopeChange(item, { ...item, title: "x" }, { baselined: false, reason: "", committedToClosedSprint: true }),
    ).toMatchObject({ ok: false, refusal: { code: "scope_item_delivered" } });
  });
});

describe("decideBaseline", () => {
  it.each([
    { name: "empty MVP refused", items: [], last: null, ok: false },
    {
      name: "first baseline is version 1",
      items: [{ id: "a", title: "A", category: "configuration", priority: "must", estimateDays: 2.5 }],
      last: null,
      ok: true,
      version: 1,
      total: 2.5,
    },
    {
      name: "next baseline counts up",
      items: [
        { id: "a", title: "A", category: "configuration", priority: "must", estimateDays: 2 },
        { id: "b", title: "B", category: "migration", priority: "should", estimateDays: 3 },
      ],
      last: 2,
      ok: true,
      version: 3,
      total: 5,
    },
  ])("$name", ({ items, last, ok, version, total }) => {
    const d = decideBaseline(items, last);
    expect(d.ok).toBe(ok);
    if (d.ok) expect([d.version, d.totalDays]).toEqual([version, total]);
  });
});

describe("baselineMarkdown", () => {
  it("groups items by category and escapes table cells", () => {
    const md = baselineMarkdown({
      projectName: "Nordlicht",
      version: 2,
      approvedBy: "Olga Owner",
      approvedAt: "2026-02-03T10:00:00Z",
      totalDays: 7,
      items: [
        { id: "a", title: "Tariffs | bands", category: "configuration", priority: "must", estimateDays: 4 },
        { id: "b", title: "SAP link", category: "interconnection", priority: "should", estimateDays: 3 },
      ],
    });
    expect(md).toContain("Baseline version 2, approved by Olga Owner on 2026-02-03");
    expect(md).toContain("## Configuration (4 person-days)");
    expect(md).toContain("| Tariffs \\| bands | MUST | 4 |");
    expect(md).toContain("## Interconnection (3 person-days)");
  });
});
