// "My reviews": what waits for the signed-in user as a gate board member — gates in review
// without their vote, and artifacts whose latest version they have not reviewed.
import { and, asc, count, desc, eq, inArray, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { type DbOrTx, first, rows } from "@/db/client";
import { joinInThisOrder } from "@/db/sql";
import {
  artifactReviews,
  artifacts,
  artifactVersions,
  gateBoardMembers,
  gates,
  gateVotes,
  projects,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";

type Fields = Record<string, SQLiteColumn | SQL.Aliased | SQL>;

/** Totals beyond this are shown as "100+". */
export const COUNT_CAP = 100;
export const formatTotal = (n: number) => (n >= COUNT_CAP ? `${COUNT_CAP}+` : String(n));

export type VoteNeeded = {
  projectId: string;
  projectName: string;
  number: number;
  name: string;
  round: number;
  submittedAt: string | null;
  plannedDate: string | null;
  required: boolean;
};
export type ArtifactToReview = {
  projectId: string;
  projectName: string;
  gateNumber: number;
  artifactId: string;
  title: string;
  requirement: "must" | "should";
  versionNumber: number;
  submittedAt: string;
  submittedBy: string;
};

// Client accounts only ever count seats on their own organisation's projects.
const visibleTo = (actor: Actor) =>
  and(
    inArray(projects.status, ["active", "on_hold"]),
    actor.role === "client" ? eq(projects.organizationId, actor.organizationId ?? "-") : undefined,
  );

function votesNeededQuery(db: DbOrTx, actor: Actor, fields: Fields) {
  return db
    .select(fields)
    .from(gateBoardMembers)
    .innerJoin(gates, eq(gates.id, gateBoardMembers.gateId))
    .innerJoin(projects, eq(projects.id, gates.projectId))
    .where(
      and(
        eq(gateBoardMembers.userId, actor.id),
        eq(gates.status, "in_review"),
        eq(gates.number, projects.currentGate),
        visibleTo(actor),
        sql`not exists (select 1 from ${gateVotes} where ${gateVotes.gateId} = ${gates.id}
            and ${gateVotes.round} = ${gates.round} and ${gateVotes.userId} = ${actor.id})`,
      ),
    );
}

function artifactsToReviewQuery(db: DbOrTx, actor: Actor, fields: Fields) {
  const latestNumber = sql`(select max(v2.number) from ${artifactVersions} v2 where v2.artifact_id = ${artifacts.id})`;
  return db
    .select(fields)
    .from(gateBoardMembers)
    .innerJoin(gates, eq(gates.id, gateBoardMembers.gateId))
    .innerJoin(projects, eq(projects.id, gates.projectId))
    .innerJoin(artifacts, and(eq(artifacts.gateId, gates.id), eq(artifacts.projectId, projects.id)))
    .innerJoin(
      artifactVersions,
      and(eq(artifactVersions.artifactId, artifacts.id), eq(artifactVersions.number, latestNumber)),
    )
    .innerJoin(users, eq(users.id, artifactVersions.submittedBy))
    .where(
      and(
        eq(gateBoardMembers.userId, actor.id),
        eq(artifacts.status, "submitted"),
        notInArray(gates.status, ["go", "conditional_go", "killed"]),
        visibleTo(actor),
        // The submitter of a version can never review it, so it does not wait for them.
        or(isNull(artifactVersions.submittedBy), sql`${artifactVersions.submittedBy} <> ${actor.id}`),
        sql`not exists (select 1 from ${artifactReviews} where ${artifactReviews.versionId}
            = ${artifactVersions.id} and ${artifactReviews.reviewerId} = ${actor.id}
            and ${artifactReviews.dismissedAt} is null)`,
      ),
    );
}

/** How many of the newest versions a short list looks at before it searches them all, in batches. */
const RECENT_WINDOW = 2000;
const RECENT_BATCH = 250;

/**
 * The same rule as artifactsToReviewQuery, over the newest RECENT_WINDOW versions only, a batch
 * at a time, newest first, until `limit` are found. The CROSS JOIN makes SQLite start from the
 * batch: a board member seated on a whole portfolio gets the answer after looking at a few
 * hundred versions, without ranking every pending one.
 */
async function recentArtifactsToReview(db: DbOrTx, actor: Actor, limit: number): Promise<ArtifactToReview[]> {
  const clientOrg = actor.role === "client" ? (actor.organizationId ?? "-") : null;
  const found: ArtifactToReview[] = [];
  for (let offset = 0; offset < RECENT_WINDOW && found.length < limit; offset += RECENT_BATCH) {
    found.push(
      ...(await rows<ArtifactToReview>(
        db,
        sql`
        select p.id as "projectId", p.name as "projectName", g.number as "gateNumber", a.id as "artifactId",
               a.title as "title", a.requirement as "requirement", v.number as "versionNumber",
               v.submitted_at as "submittedAt", u.name as "submittedBy"
        from (select id from artifact_versions order by submitted_at desc, rowid desc
              limit ${RECENT_BATCH} offset ${offset}) recent
        ${joinInThisOrder} artifact_versions v on v.id = recent.id
        join artifacts a on a.id = v.artifact_id and a.status = 'submitted'
        join gates g on g.id = a.gate_id and g.status not in ('go', 'conditional_go', 'killed')
        join projects p on p.id = g.project_id and p.id = a.project_id and p.status in ('active', 'on_hold')
        join users u on u.id = v.submitted_by
        where v.number = (select max(v2.number) from artifact_versions v2 where v2.artifact_id = a.id)
          and exists (select 1 from gate_board_members b where b.gate_id = g.id and b.user_id = ${actor.id})
          and (cast(${clientOrg} as text) is null or p.organization_id = ${clientOrg})
          and v.submitted_by <> ${actor.id}
          and not exists (select 1 from artifact_reviews r
                          where r.version_id = v.id and r.reviewer_id = ${actor.id} and r.dismissed_at is null)
        order by v.submitted_at desc, v.rowid desc
        limit ${limit - found.length}`,
      )),
    );
  }
  return found;
}

/**
 * The oldest gates waiting for a vote and the newest artifact versions waiting for a review,
 * at most `limit` of each (all when omitted), with the totals.
 */
export async function myReviews(db: DbOrTx, actor: Actor, options: { limit?: number } = {}) {
  const limit = options.limit ?? -1; // SQLite: -1 is "no limit"
  const votesNeeded = (await votesNeededQuery(db, actor, {
    projectId: projects.id,
    projectName: projects.name,
    number: gates.number,
    name: gates.name,
    round: gates.round,
    submittedAt: gates.submittedAt,
    plannedDate: gates.plannedDate,
    required: gateBoardMembers.required,
  })
    .orderBy(asc(gates.submittedAt))
    .limit(limit)) as VoteNeeded[];
  const artifactFields: Fields = {
    projectId: projects.id,
    projectName: projects.name,
    gateNumber: gates.number,
    artifactId: artifacts.id,
    title: artifacts.title,
    requirement: artifacts.requirement,
    versionNumber: artifactVersions.number,
    submittedAt: artifactVersions.submittedAt,
    submittedBy: users.name,
  };
  // A short list first looks among the newest versions of the whole portfolio: when it finds
  // enough there, they are the newest overall; otherwise it searches every seat.
  let artifactsToReview = limit > 0 ? await recentArtifactsToReview(db, actor, limit) : [];
  if (limit < 0 || artifactsToReview.length < limit) {
    artifactsToReview = (await artifactsToReviewQuery(db, actor, artifactFields)
      .orderBy(desc(artifactVersions.submittedAt), sql`${artifactVersions}.rowid desc`)
      .limit(limit)) as ArtifactToReview[];
  }
  // Totals are counted up to COUNT_CAP ("100+"), so a huge queue costs no more than a long one.
  const cappedCount = async (query: ReturnType<typeof votesNeededQuery>) => {
    const capped = query.limit(COUNT_CAP).as("capped");
    return (await first(db.select({ n: count() }).from(capped)))?.n ?? 0;
  };
  const total = async (rows: unknown[], query: () => ReturnType<typeof votesNeededQuery>) =>
    limit < 0 || rows.length < limit ? rows.length : await cappedCount(query());
  return {
    votesNeeded,
    artifactsToReview,
    votesNeededTotal: await total(votesNeeded, () => votesNeededQuery(db, actor, { id: gates.id })),
    artifactsToReviewTotal: await total(artifactsToReview, () =>
      artifactsToReviewQuery(db, actor, { id: artifacts.id }),
    ),
  };
}
