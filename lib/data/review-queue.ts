// The dashboard's review section: the gates engineer's "my reviews" query (gates in review
// without this account's vote, artifacts whose latest version waits for its review), plus
// whether the account sits on any board at all, so the section can show an empty state.
import { eq } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import { gateBoardMembers, projectMembers } from "@/db/schema";
import { myReviews } from "@/lib/data/my-reviews";
import type { Actor } from "@/lib/domain/permissions";

/** The dashboard shows the oldest few; "My reviews" lists them all. */
export const QUEUE_PREVIEW = 8;

export type ReviewQueue = {
  seated: boolean;
  gateTotal: number;
  artifactTotal: number;
  gates: {
    projectId: string;
    projectName: string;
    gateNumber: number;
    gateName: string;
    submittedAt: string | null;
    required: boolean;
  }[];
  artifacts: {
    projectId: string;
    projectName: string;
    gateNumber: number;
    artifactId: string;
    title: string;
    versionNumber: number;
    submittedAt: string;
  }[];
};

export async function reviewQueue(db: DbOrTx, actor: Actor): Promise<ReviewQueue> {
  const seated = Boolean(
    await first(
      db
        .select({ gateId: gateBoardMembers.gateId })
        .from(gateBoardMembers)
        .where(eq(gateBoardMembers.userId, actor.id))
        .limit(1),
    ),
  );
  if (!seated) return { seated, gateTotal: 0, artifactTotal: 0, gates: [], artifacts: [] };
  const { votesNeeded, artifactsToReview, votesNeededTotal, artifactsToReviewTotal } = await myReviews(db, actor, {
    limit: QUEUE_PREVIEW,
  });
  return {
    seated,
    gateTotal: votesNeededTotal,
    artifactTotal: artifactsToReviewTotal,
    gates: votesNeeded.map((g) => ({
      projectId: g.projectId,
      projectName: g.projectName,
      gateNumber: g.number,
      gateName: g.name,
      submittedAt: g.submittedAt,
      required: g.required,
    })),
    artifacts: artifactsToReview.map((a) => ({
      projectId: a.projectId,
      projectName: a.projectName,
      gateNumber: a.gateNumber,
      artifactId: a.artifactId,
      title: a.title,
      versionNumber: a.versionNumber,
      submittedAt: a.submittedAt,
    })),
  };
}

/** True when the account holds no project role anywhere: it takes part only through board seats. */
export async function boardOnly(db: DbOrTx, actor: Actor): Promise<boolean> {
  if (actor.role === "admin") return false;
  return !(await first(
    db
      .select({ projectId: projectMembers.projectId })
      .from(projectMembers)
      .where(eq(projectMembers.userId, actor.id))
      .limit(1),
  ));
}
