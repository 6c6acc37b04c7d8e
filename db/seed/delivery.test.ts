import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/fixtures";
import { first } from "@/db/client";
import { users } from "@/db/schema";
import { portfolioBilling, projectBilling } from "@/lib/data/billing";
import { estimateTrail } from "@/lib/data/estimates";
import { listProjects } from "@/lib/data/projects";
import { listBaselines } from "@/lib/data/scope-baselines";
import { listSprints } from "@/lib/data/sprints";
import { seedDemo } from "./demo";

describe("delivery demo data", () => {
  it("tells a story: sprints in every state, an estimate trail, milestones in every status", async () => {
    const db = await createTestDb();
    await seedDemo(db);
    const admin = (await first(db.select().from(users).where(eq(users.email, "admin@demo.test"))))!;
    const byName = async (name: string) => (await listProjects(db, admin, { limit: 50, q: name })).items[0];
    const residential = await byName("residential billing");

    const statuses = (await listSprints(db, admin, residential.id)).sprints.map((s) => [s.number, s.status]);
    expect(statuses).toEqual([
      [8, "planned"],
      [7, "active"],
      [6, "in_review"],
      [5, "accepted"],
      [4, "accepted"],
      [3, "rejected"],
      [2, "accepted"],
      [1, "accepted"],
    ]);
    const trail = await estimateTrail(db, admin, residential.id);
    expect(trail.points.map((p) => p.label)).toEqual(["Baseline v1", "Sprint 1", "Sprint 2", "Sprint 4", "Sprint 5"]);
    expect(trail.summary.burnUp.at(-1)!.done).toBeGreaterThan(trail.summary.burnUp[0].done);
    expect(await listBaselines(db, admin, residential.id)).toHaveLength(1);
    expect((await projectBilling(db, admin, residential.id)).milestones.map((m) => m.status)).toEqual(
      expect.arrayContaining(["paid", "invoiced", "billable", "pending"]),
    );
    const portfolio = await portfolioBilling(db, admin);
    expect(portfolio.totals[0].totals.paid.count).toBeGreaterThan(0);
    expect(await listBaselines(db, admin, (await byName("prepaid")).id)).toHaveLength(0);
  });
});
