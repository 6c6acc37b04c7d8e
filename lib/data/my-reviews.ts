// "My reviews": what waits for the signed-in user as a gate board member — gates in review
// without their vote, and artifacts whose latest version they have not reviewed.
import { and, asc, desc, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { artifactReviews, artifacts, artifactVersions, gateBoardMembers, gates, gateVotes, projects, users } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";

export function myReviews(db: DbOrTx, actor: Actor) {
  // Client accounts only ever count seats on their own organisation's projects.
  const visible = and(
    inArray(projects.status, ["active", "on_hold"]),
    actor.role === "client" ? eq(projects.organizationId, actor.organizationId ?? "-") : undefined,
  );
  const votesNeeded = db
    .select({ projectId: projects.id, projectName: projects.name, number: gates.number, name: gates.name, round: gates.round, submittedAt: gates.submittedAt, plannedDate: gates.plannedDate, required: gateBoardMembers.required })
    .from(gateBoardMembers)
    .innerJoin(gates, eq(gates.id, gateBoardMembers.gateId))
    .innerJoin(projects, eq(projects.id, gates.projectId))
    .where(
      and(
        eq(gateBoardMembers.userId, actor.id),
        eq(gates.status, "in_review"),
        eq(gates.number, projects.currentGate),
        visible,
        sql`not exists (select 1 from ${gateVotes} where ${gateVotes.gateId} = ${gates.id} and ${gateVotes.round} = ${gates.round} and ${gateVotes.userId} = ${actor.id})`,
      ),
    )
    .orderBy(asc(gates.submittedAt))
    .all();

  const latestNumber = sql`(select max(v2.number) from ${artifactVersions} v2 where v2.artifact_id = ${artifacts.id})`;
  const artifactsToReview = db
    .select({
      projectId: projects.id,
      projectName: projects.name,
      gateNumber: gates.number,
      artifactId: artifacts.id,
      title: artifacts.title,
      requirement: artifacts.requirement,
      versionNumber: artifactVersions.number,
      submittedAt: artifactVersions.submittedAt,
      submittedBy: users.name,
    })
    .from(gateBoardMembers)
    .innerJoin(gates, eq(gates.id, gateBoardMembers.gateId))
    .innerJoin(projects, eq(projects.id, gates.projectId))
    .innerJoin(artifacts, and(eq(artifacts.gateId, gates.id), eq(artifacts.projectId, projects.id)))
    .innerJoin(artifactVersions, and(eq(artifactVersions.artifactId, artifacts.id), eq(artifactVersions.number, latestNumber)))
    .innerJoin(users, eq(users.id, artifactVersions.submittedBy))
    .where(
      and(
        eq(gateBoardMembers.userId, actor.id),
        eq(artifacts.status, "submitted"),
        notInArray(gates.status, ["go", "conditional_go", "killed"]),
        visible,
        // The submitter of a version can never review it, so it does not wait for them.
        or(isNull(artifactVersions.submittedBy), sql`${artifactVersions.submittedBy} <> ${actor.id}`),
        sql`not exists (select 1 from ${artifactReviews} where ${artifactReviews.versionId} = ${artifactVersions.id} and ${artifactReviews.reviewerId} = ${actor.id} and ${artifactReviews.dismissedAt} is null)`,
      ),
    )
    .orderBy(desc(artifactVersions.submittedAt))
    .all();
  return { votesNeeded, artifactsToReview };
}
