import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/fixtures";
import { first } from "@/db/client";
import { projects, sprints, users } from "@/db/schema";
import { missingQualityEvidence, recommendForSprint } from "@/lib/data/quality";
import { projectQualityHistory } from "@/lib/data/quality-history";
import { seedDemo } from "./demo";

describe("quality demo data", () => {
  it("gives delivered sprints a selection and evidence consistent with the rules", async () => {
    const db = await createTestDb();
    await seedDemo(db);
    const admin = (await first(db.select().from(users).where(eq(users.email, "admin@demo.test"))))!;
    const residential = (await first(
      db.select().from(projects).where(eq(projects.name, "Nordlicht residential billing MVP")),
    ))!;
    const sprint = async (n: number) =>
      (await first(
        db
          .select()
          .from(sprints)
          .where(and(eq(sprints.projectId, residential.id), eq(sprints.number, n))),
      ))!;

    // Accepted and in-review sprints are complete; the active one still lacks evidence; the planned one has no level.
    for (const n of [1, 2, 4, 5, 6]) expect(await missingQualityEvidence(db, (await sprint(n)).id)).toEqual([]);
    expect((await missingQualityEvidence(db, (await sprint(7)).id)).length).toBeGreaterThan(0);
    expect(await missingQualityEvidence(db, (await sprint(8)).id)).toEqual([
      { key: "quality_level", name: "Quality level", reason: "No quality standard selected" },
    ]);

    const history = (await projectQualityHistory(db, admin, residential.id)).sprints;
    const third = history.find((s) => s.number === 3)!;
    expect(third.selection).toMatchObject({ recommendedLevel: "QS4", chosenLevel: "QS3", belowRecommendation: true });
    expect(third.selection!.justification).toBeTruthy();
    expect(third.selection!.activities.some((a) => a.latest?.result === "failed")).toBe(true);
    expect(history.reduce((sum, s) => sum + s.escapedDefects, 0)).toBe(3);

    // What was stored is what the live rules recommend for the same answers and defects.
    for (const s of history.filter((h) => h.selection)) {
      const live = await recommendForSprint(db, admin, residential.id, s.id, s.selection!.answers as never);
      expect([s.number, live.level]).toEqual([s.number, s.selection!.recommendedLevel]);
    }
  });
});
