import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/fixtures";
import { first } from "@/db/client";
import { users } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit";
import { listGates } from "@/lib/data/gate-views";
import { myReviews } from "@/lib/data/my-reviews";
import { listProjects } from "@/lib/data/projects";
import { seedDemo } from "./demo";

describe("gate demo data", () => {
  it("leaves a gate in review with work waiting for board@demo.test, and the SME rollout untouched", async () => {
    const db = await createTestDb();
    await seedDemo(db);
    const account = async (email: string) => (await first(db.select().from(users).where(eq(users.email, email))))!;
    const board = await account("board@demo.test");
    const reviews = await myReviews(db, board);
    expect(reviews.votesNeeded.map((g) => [g.projectName, g.number])).toEqual([
      ["Meridian prepaid mobile charging", 6],
    ]);
    expect(reviews.artifactsToReview.map((a) => a.title).sort()).toEqual([
      "Integration concept diagram",
      "MVP scope (configuration, interconnection, localization requirements)",
    ]);
    const sme = (await listProjects(db, board, { limit: 5, q: "grid fees" })).items[0];
    const gate7 = (await listGates(db, board, sme.id)).gates.find((g) => g.number === 7)!;
    expect([gate7.status, gate7.artifacts.every((a) => a.status === "missing")]).toEqual(["pending", true]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
