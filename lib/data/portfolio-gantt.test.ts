import { describe, expect, it } from "vitest";
import { portfolioGantt } from "@/lib/data/portfolio-gantt";
import { createTestDb, makeWorld } from "@/lib/testing/fixtures";

describe("the portfolio timeline chart's data", () => {
  it("draws every gate of the project's policy with its planned date, for those who may see the project", async () => {
    const db = await createTestDb();
    const world = await makeWorld(db);
    const chart = await portfolioGantt(db, world.viewer, { today: "2026-03-15" });
    expect(chart.window.months).toHaveLength(12);
    expect(chart.rows.map((r) => r.id)).toEqual([world.project.id]);
    const gates = chart.rows[0].gates;
    expect(gates.length).toBeGreaterThanOrEqual(6);
    expect(gates.map((g) => g.number)).toEqual([...gates.map((g) => g.number)].sort((a, b) => b - a));
    expect(gates.find((g) => g.current)?.number).toBe(gates[0].number);
  });

  it("shows another organisation's client nothing", async () => {
    const db = await createTestDb();
    const world = await makeWorld(db);
    expect((await portfolioGantt(db, world.otherViewer)).rows).toEqual([]);
    expect((await portfolioGantt(db, world.outsiderStaff)).total).toBe(0);
  });
});
