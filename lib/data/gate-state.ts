// Loaders shared by the gate and artifact data functions: a project's gate with its board,
// artifacts, votes and conditions, always scoped by project id.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import { type Placeholders, reusedQuery } from "@/db/reused";
import {
  artifactReviews,
  artifacts,
  artifactVersions,
  gateBoardMembers,
  gateConditions,
  gates,
  gateVotes,
  projectMembers,
  users,
  type Artifact,
  type Gate,
  type ProjectRole,
} from "@/db/schema";
import type { Approval } from "@/lib/domain/artifact";
import type { ArtifactState, BoardMember, BoardSeat, GateState, ProjectState, SubmitCommand } from "@/lib/domain/gate";
import { notFound, staleVersion } from "@/lib/errors";

const gateByNumber = reusedQuery((db, p: Placeholders<"projectId" | "number">) =>
  db
    .select()
    .from(gates)
    .where(and(eq(gates.projectId, p.projectId), eq(gates.number, p.number))),
);

export async function loadGate(db: DbOrTx, projectId: string, number: number): Promise<Gate> {
  const [gate] = await gateByNumber(db, { projectId, number });
  if (!gate) throw notFound(`Gate ${number}`);
  return gate;
}

export const gateState = (gate: Gate): GateState => ({
  number: gate.number,
  status: gate.status,
  round: gate.round,
  decisionRule: gate.decisionRule,
  quorum: gate.quorum,
});

export const projectState = (project: { status: ProjectState["status"]; currentGate: number }): ProjectState => ({
  status: project.status,
  currentGate: project.currentGate,
});

export async function boardOf(db: DbOrTx, gateIds: string[]) {
  if (!gateIds.length) return [];
  return await db
    .select({
      gateId: gateBoardMembers.gateId,
      userId: users.id,
      email: users.email,
      name: users.name,
      globalRole: users.role,
      required: gateBoardMembers.required,
    })
    .from(gateBoardMembers)
    .innerJoin(users, eq(users.id, gateBoardMembers.userId))
    .where(inArray(gateBoardMembers.gateId, gateIds))
    .orderBy(asc(users.name));
}

export const seats = (board: { userId: string; required: boolean }[]): BoardSeat[] =>
  board.map((b) => ({ userId: b.userId, required: b.required }));

export async function artifactsOf(db: DbOrTx, projectId: string, gateId: string) {
  return await db
    .select()
    .from(artifacts)
    .where(and(eq(artifacts.projectId, projectId), eq(artifacts.gateId, gateId)))
    .orderBy(asc(artifacts.createdAt), sql`${artifacts}.rowid`);
}

export async function votesOf(db: DbOrTx, gateId: string, round: number) {
  return await db
    .select()
    .from(gateVotes)
    .where(and(eq(gateVotes.gateId, gateId), eq(gateVotes.round, round)));
}

const gateWithSeatsAndVote = reusedQuery((db, p: Placeholders<"projectId" | "number" | "voterId">) =>
  db
    .select({
      gate: gates,
      userId: gateBoardMembers.userId,
      required: gateBoardMembers.required,
      vote: gateVotes.vote,
      rationale: gateVotes.rationale,
    })
    .from(gates)
    .leftJoin(gateBoardMembers, eq(gateBoardMembers.gateId, gates.id))
    .leftJoin(
      gateVotes,
      and(
        eq(gateVotes.gateId, gates.id),
        eq(gateVotes.round, gates.round),
        eq(gateVotes.userId, gateBoardMembers.userId),
        eq(gateVotes.userId, p.voterId),
      ),
    )
    .where(and(eq(gates.projectId, p.projectId), eq(gates.number, p.number))),
);

/**
 * A project's gate, its board seats and the vote `voterId` already cast in the gate's round (null
 * when none), in one statement: what the vote rule needs (404 when the gate does not exist). A
 * voter off the board has no seat and so no vote here.
 */
export async function gateForVote(db: DbOrTx, projectId: string, number: number, voterId: string) {
  const rows = await gateWithSeatsAndVote(db, { projectId, number, voterId });
  if (rows.length === 0) throw notFound(`Gate ${number}`);
  // One row per seat; a gate without a board comes as one row without one.
  const seated = rows.flatMap((row) => (row.userId === null ? [] : [{ userId: row.userId, required: !!row.required }]));
  const cast = rows.find((row) => row.userId === voterId && row.vote !== null);
  return {
    gate: rows[0].gate,
    version: rows[0].gate.version,
    seats: seated,
    previous: cast?.vote ? { vote: cast.vote, rationale: cast.rationale ?? "" } : null,
  };
}

export async function openConditionsOf(db: DbOrTx, projectId: string, gateNumber: number) {
  const gate = await first(
    db
      .select({ id: gates.id })
      .from(gates)
      .where(and(eq(gates.projectId, projectId), eq(gates.number, gateNumber))),
  );
  if (!gate) return [];
  return await db
    .select()
    .from(gateConditions)
    .where(and(eq(gateConditions.gateId, gate.id), eq(gateConditions.status, "open")));
}

/**
 * Moves the gate to its next state only if nobody changed it since it was read (the caller
 * holds an immediate transaction, so this is belt and braces against a stale expectedVersion).
 */
export async function updateGate(db: DbOrTx, gate: Gate, set: Partial<Gate>): Promise<Gate> {
  const updated = await first(
    db
      .update(gates)
      .set({ ...set, version: gate.version + 1 })
      .where(and(eq(gates.id, gate.id), eq(gates.projectId, gate.projectId), eq(gates.version, gate.version)))
      .returning(),
  );
  if (!updated) throw staleVersion("this gate");
  return updated;
}

/** Project roles per user on one project (a board member without a role gets none). */
export async function projectRolesOf(db: DbOrTx, projectId: string): Promise<Map<string, ProjectRole[]>> {
  const roles = new Map<string, ProjectRole[]>();
  for (const m of await db
    .select({ userId: projectMembers.userId, role: projectMembers.role })
    .from(projectMembers)
    .where(eq(projectMembers.projectId, projectId))) {
    roles.set(m.userId, [...(roles.get(m.userId) ?? []), m.role]);
  }
  return roles;
}

/** The board of one gate as the board rule sees it: names, project roles, who can still sign in. */
export async function boardMembersOf(
  db: DbOrTx,
  projectId: string,
  gateId: string,
  knownRoles?: Awaited<ReturnType<typeof projectRolesOf>>,
): Promise<BoardMember[]> {
  const roles = knownRoles ?? (await projectRolesOf(db, projectId));
  return (
    await db
      .select({ userId: users.id, name: users.name, required: gateBoardMembers.required, disabledAt: users.disabledAt })
      .from(gateBoardMembers)
      .innerJoin(users, eq(users.id, gateBoardMembers.userId))
      .where(eq(gateBoardMembers.gateId, gateId))
      .orderBy(asc(users.name))
  ).map((m) => ({
    userId: m.userId,
    name: m.name,
    required: m.required,
    active: !m.disabledAt,
    roles: roles.get(m.userId) ?? [],
  }));
}

export type ReviewState = { author: { id: string; name: string } | null; approvals: Approval[] };

/**
 * Per artifact: who wrote its latest version, and the current approvals of that version — each
 * reviewer's latest word only (an approval later turned into a request for changes does not count).
 */
export async function reviewStatesOf(
  db: DbOrTx,
  artifactIds: string[],
  roles: Map<string, ProjectRole[]>,
): Promise<Map<string, ReviewState>> {
  const states = new Map<string, ReviewState>();
  if (!artifactIds.length) return states;
  const latest = await db
    .select({
      id: artifactVersions.id,
      artifactId: artifactVersions.artifactId,
      number: artifactVersions.number,
      authorId: users.id,
      authorName: users.name,
    })
    .from(artifactVersions)
    .innerJoin(users, eq(users.id, artifactVersions.submittedBy))
    .where(
      and(
        inArray(artifactVersions.artifactId, artifactIds),
        sql`${artifactVersions.number} = (select max(v2.number) from ${artifactVersions} v2 where
            v2.artifact_id = ${artifactVersions.artifactId})`,
      ),
    );
  const reviews = latest.length
    ? await db
        .select({
          versionId: artifactReviews.versionId,
          reviewerId: artifactReviews.reviewerId,
          decision: artifactReviews.decision,
        })
        .from(artifactReviews)
        .where(
          and(
            inArray(
              artifactReviews.versionId,
              latest.map((v) => v.id),
            ),
            isNull(artifactReviews.dismissedAt),
          ),
        )
        .orderBy(asc(artifactReviews.at), sql`${artifactReviews}.rowid`)
    : [];
  for (const v of latest) {
    const lastWord = new Map<string, "approve" | "request_changes">();
    for (const r of reviews) if (r.versionId === v.id) lastWord.set(r.reviewerId, r.decision);
    const approvals = [...lastWord]
      .filter(([, d]) => d === "approve")
      .map(([reviewerId]) => ({ reviewerId, roles: roles.get(reviewerId) ?? [] }));
    states.set(v.artifactId, { author: { id: v.authorId, name: v.authorName }, approvals });
  }
  return states;
}

/** A gate's artifacts as the gate rules see them, with authors, approval rules and approvals. */
export async function artifactStatesOf(
  db: DbOrTx,
  rows: Artifact[],
  roles: Map<string, ProjectRole[]>,
): Promise<ArtifactState[]> {
  const states = await reviewStatesOf(
    db,
    rows.map((a) => a.id),
    roles,
  );
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    requirement: a.requirement,
    status: a.status,
    approverRoles: a.approverRoles,
    author: states.get(a.id)?.author ?? null,
    approvals: states.get(a.id)?.approvals ?? [],
  }));
}

/** Everything the submit rule judges for one gate, as `submitter` would submit it now. */
export async function submitCommandOf(
  db: DbOrTx,
  gate: Gate,
  project: { status: ProjectState["status"]; currentGate: number },
  submitter: { id: string; name: string },
): Promise<SubmitCommand> {
  const roles = await projectRolesOf(db, gate.projectId);
  return {
    gate: gateState(gate),
    project: projectState(project),
    artifacts: await artifactStatesOf(db, await artifactsOf(db, gate.projectId, gate.id), roles),
    previousOpenConditions: await openConditionsOf(db, gate.projectId, gate.number + 1),
    board: await boardMembersOf(db, gate.projectId, gate.id, roles),
    submitter,
  };
}
