// What waits for a board member: gates in review on whose board they sit and where they have
// not voted in the current round, and submitted artifacts of those gates' projects whose
// latest version they have neither reviewed nor submitted themselves.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { artifactReviews, artifacts, artifactVersions, gateBoardMembers, gates, gateVotes, projectMembers, projects } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";

export type ReviewQueue = {
  /** Whether the account sits on any review board at all (to show the section with an empty state). */
  seated: boolean;
  gates: { projectId: string; projectName: string; gateNumber: number; gateName: string; submittedAt: string | null; required: boolean }[];
  artifacts: { projectId: string; projectName: string; gateNumber: number; artifactId: string; title: string; versionNumber: number; submittedAt: string }[];
};

// Client board members only ever count on their own organisation's projects.
const ownOrg = (actor: Actor) => (actor.role === "client" ? eq(projects.organizationId, actor.organizationId ?? "-") : undefined);
const openProject = inArray(projects.status, ["active", "on_hold"]);

export function reviewQueue(db: DbOrTx, actor: Actor): ReviewQueue {
  const seated = Boolean(
    db.select({ gateId: gateBoardMembers.gateId }).from(gateBoardMembers).where(eq(gateBoardMembers.userId, actor.id)).limit(1).get(),
  );
  if (!seated) return { seated, gates: [], artifacts: [] };

  const voted = sql`exists (select 1 from ${gateVotes} where ${gateVotes.gateId} = ${gates.id} and ${gateVotes.round} = ${gates.round} and ${gateVotes.userId} = ${actor.id})`;
  const gateRows = db
    .select({
      projectId: projects.id,
      projectName: projects.name,
      gateNumber: gates.number,
      gateName: gates.name,
      submittedAt: gates.submittedAt,
      required: gateBoardMembers.required,
    })
    .from(gateBoardMembers)
    .innerJoin(gates, eq(gates.id, gateBoardMembers.gateId))
    .innerJoin(projects, eq(projects.id, gates.projectId))
    .where(and(eq(gateBoardMembers.userId, actor.id), eq(gates.status, "in_review"), openProject, ownOrg(actor), sql`not ${voted}`))
    .orderBy(asc(gates.submittedAt), asc(projects.name))
    .all();

  // The latest version of each submitted artifact on a gate where this account sits.
  const latest = sql`${artifactVersions.number} = (select max(v2.number) from ${artifactVersions} v2 where v2.artifact_id = ${artifacts.id})`;
  const reviewed = sql`exists (select 1 from ${artifactReviews} where ${artifactReviews.versionId} = ${artifactVersions.id} and ${artifactReviews.reviewerId} = ${actor.id} and ${isNull(artifactReviews.dismissedAt)})`;
  const artifactRows = db
    .select({
      projectId: projects.id,
      projectName: projects.name,
      gateNumber: gates.number,
      artifactId: artifacts.id,
      title: artifacts.title,
      versionNumber: artifactVersions.number,
      submittedAt: artifactVersions.submittedAt,
      submittedBy: artifactVersions.submittedBy,
    })
    .from(gateBoardMembers)
    .innerJoin(gates, eq(gates.id, gateBoardMembers.gateId))
    .innerJoin(projects, eq(projects.id, gates.projectId))
    .innerJoin(artifacts, eq(artifacts.gateId, gates.id))
    .innerJoin(artifactVersions, eq(artifactVersions.artifactId, artifacts.id))
    .where(
      and(
        eq(gateBoardMembers.userId, actor.id),
        eq(artifacts.status, "submitted"),
        openProject,
        ownOrg(actor),
        latest,
        sql`not ${reviewed}`,
      ),
    )
    .orderBy(asc(artifactVersions.submittedAt))
    .all()
    .filter((a) => a.submittedBy !== actor.id)
    .map(({ submittedBy, ...rest }) => (void submittedBy, rest));

  return { seated, gates: gateRows, artifacts: artifactRows };
}

/** True when the account holds no project role anywhere: it takes part only through board seats. */
export function boardOnly(db: DbOrTx, actor: Actor): boolean {
  if (actor.role === "admin") return false;
  return !db.select({ projectId: projectMembers.projectId }).from(projectMembers).where(eq(projectMembers.userId, actor.id)).limit(1).get();
}
