import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { gateBoardMembers, gates } from "@/db/schema";
import { createTestDb, makeProject, makeWorld } from "@/lib/testing/fixtures";
import { formatTotal, myReviews } from "./my-reviews";
import { first } from "@/db/client";
import { inOrder } from "@/lib/in-order";

describe("my reviews at scale", () => {
  it("returns the oldest few with the total, and never another organisation's gates to a client", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const projects = [w.project, await makeProject(db, w.pm, w.org.id), await makeProject(db, w.pm, w.org.id)];
    await inOrder(projects, async (project, i) => {
      const gate = (await first(
        db
          .select()
          .from(gates)
          .where(and(eq(gates.projectId, project.id), eq(gates.number, 7))),
      ))!;
      await db
        .update(gates)
        .set({ status: "in_review", submittedAt: `2026-06-0${i + 1}T10:00:00Z` })
        .where(eq(gates.id, gate.id));
      await db.insert(gateBoardMembers).values({ gateId: gate.id, userId: w.boardMember.id, required: i === 0 });
    });
    const all = await myReviews(db, w.boardMember);
    expect(all.votesNeeded).toHaveLength(3);
    expect(all.votesNeededTotal).toBe(3);
    const preview = await myReviews(db, w.boardMember, { limit: 2 });
    expect(preview.votesNeeded.map((g) => g.projectId)).toEqual([projects[0].id, projects[1].id]);
    expect(preview.votesNeededTotal).toBe(3);
    expect((await myReviews(db, w.otherViewer, { limit: 2 })).votesNeededTotal).toBe(0);
  });

  it.each([
    [0, "0"],
    [99, "99"],
    [100, "100+"],
  ])("formats a total of %i as %s", (n, text) => {
    expect(formatTotal(n)).toBe(text);
  });
});

describe("artifacts waiting for a review", () => {
  it("the short list (newest versions first) agrees with the full search", async () => {
    const { artifacts: artifactsTable, artifactVersions } = await import("@/db/schema");
    const db = await createTestDb();
    const w = await makeWorld(db);
    const other = await makeProject(db, w.pm, w.otherOrg.id);
    for (const project of [w.project, other]) {
      const gate = (await first(
        db
          .select()
          .from(gates)
          .where(and(eq(gates.projectId, project.id), eq(gates.number, 7))),
      ))!;
      await db
        .insert(gateBoardMembers)
        .values({ gateId: gate.id, userId: w.boardMember.id, required: true })
        .onConflictDoNothing();
      await inOrder(
        await db.select().from(artifactsTable).where(eq(artifactsTable.gateId, gate.id)),
        async (artifact, i) => {
          await db.insert(artifactVersions).values({
            artifactId: artifact.id,
            number: 1,
            kind: "markdown",
            markdown: "x",
            submittedBy: w.engineer.id,
            submittedAt: `2026-06-1${i}T10:00:00Z`,
          });
          await db.update(artifactsTable).set({ status: "submitted" }).where(eq(artifactsTable.id, artifact.id));
        },
      );
    }
    const full = (await myReviews(db, w.boardMember)).artifactsToReview;
    expect(full.length).toBeGreaterThan(3);
    const short = await myReviews(db, w.boardMember, { limit: 2 });
    expect(short.artifactsToReview).toEqual(full.slice(0, 2));
    expect(short.artifactsToReviewTotal).toBe(full.length);
    // The engineer who submitted them is never asked to review them.
    expect((await myReviews(db, w.engineer, { limit: 2 })).artifactsToReview).toEqual([]);
  });
});
