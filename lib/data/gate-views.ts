// Reads of a project's gates: the seven-gate list (API v1 shape, DESIGN.md §6 field names) and
// one gate in detail with its version history, reviews and review rounds.
import { artifactTextsOrSource, gateTextsOrSource } from "@/lib/data/policy-texts";
import type { Locale } from "@/lib/i18n/locale";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  artifactReviews,
  artifacts,
  artifactVersions,
  gateConditions,
  gateDecisions,
  gates,
  gateVotes,
  users,
  type ArtifactVersion,
  type Gate,
} from "@/db/schema";
import { loadProjectAccess, type ProjectAccess } from "@/lib/data/access";
import { decodeCursor } from "@/lib/data/cursor";
import { boardOf, loadGate, projectRolesOf, reviewStatesOf, seats } from "@/lib/data/gate-state";
import { listProjectMembers } from "@/lib/data/projects";
import { awaitingApproval } from "@/lib/domain/artifact";
import { evaluateRule } from "@/lib/domain/gate";
import type { Actor } from "@/lib/domain/permissions";
import type { ProjectRole } from "@/db/enums";

const versionView = (v: ArtifactVersion) => ({
  id: v.id,
  number: v.number,
  kind: v.kind,
  fileName: v.fileName,
  size: v.size,
  mediaType: v.mediaType,
  sha256: v.sha256,
  url: v.url,
  note: v.note,
  submittedBy: v.submittedBy,
  submittedAt: v.submittedAt,
});
export type VersionView = ReturnType<typeof versionView>;

async function userNames(db: DbOrTx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map<string, { name: string; email: string }>();
  return new Map(
    (
      await db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(inArray(users.id, wanted))
    ).map((u) => [u.id, u]),
  );
}

async function gateViews(db: DbOrTx, access: ProjectAccess, rows: Gate[], reader?: Locale) {
  return (await gateViewsAndHistory(db, access, rows, reader)).views;
}

/** The gates' views, and the rows read on the way that a gate in full shows again (every version and vote). */
async function gateViewsAndHistory(db: DbOrTx, access: ProjectAccess, rows: Gate[], reader?: Locale) {
  const projectId = access.project.id;
  const ids = rows.map((g) => g.id);
  // The reads that need only the gates go together (on PostgreSQL in one round trip:
  // db/postgres-reads.ts), then those that need the artifacts.
  const [board, artifactRows, votes, conditions] = await Promise.all([
    boardOf(db, ids),
    ids.length
      ? db
          .select()
          .from(artifacts)
          .where(and(eq(artifacts.projectId, projectId), inArray(artifacts.gateId, ids)))
          .orderBy(asc(artifacts.createdAt), sql`${artifacts}.rowid`)
      : [],
    ids.length ? db.select().from(gateVotes).where(inArray(gateVotes.gateId, ids)) : [],
    ids.length
      ? db.select().from(gateConditions).where(inArray(gateConditions.gateId, ids)).orderBy(asc(gateConditions.dueDate))
      : [],
  ]);
  // Project roles count only for who a submitted artifact still waits for: read when one is.
  const submitted = artifactRows.filter((a) => a.status === "submitted").map((a) => a.id);
  const [versions, roles] = await Promise.all([
    artifactRows.length
      ? db
          .select()
          .from(artifactVersions)
          .where(
            inArray(
              artifactVersions.artifactId,
              artifactRows.map((a) => a.id),
            ),
          )
          .orderBy(desc(artifactVersions.number))
      : [],
    submitted.length ? projectRolesOf(db, projectId) : new Map<string, ProjectRole[]>(),
  ]);
  const latest = new Map<string, ArtifactVersion>();
  for (const v of versions) if (!latest.has(v.artifactId)) latest.set(v.artifactId, v);
  const reviewStates = await reviewStatesOf(db, submitted, roles);
  const names = await userNames(db, [...conditions.map((c) => c.ownerId), ...rows.map((g) => g.decidedBy)]);
  const views = rows.map((gate) => {
    const gateBoard = board.filter((b) => b.gateId === gate.id);
    const roundVotes = votes.filter((v) => v.gateId === gate.id && v.round === gate.round);
    return {
      id: gate.id,
      number: gate.number,
      // The name and objectives in the reader's language (else the policy's first, marked).
      // Without a reader (the API) the source texts alone, as the contract declares them.
      ...gateTextsOrSource(gate, reader),
      status: gate.status,
      current: gate.number === access.project.currentGate && !["killed", "closed"].includes(access.project.status),
      decisionRule: gate.decisionRule,
      quorum: gate.quorum,
      round: gate.round,
      plannedDate: gate.plannedDate,
      submittedAt: gate.submittedAt,
      decidedAt: gate.decidedAt,
      decision: gate.decision,
      decisionRationale: gate.decisionRationale,
      decidedBy: gate.decidedBy ? { id: gate.decidedBy, name: names.get(gate.decidedBy)?.name ?? "" } : null,
      version: gate.version,
      board: gateBoard.map((b) => ({
        userId: b.userId,
        email: b.email,
        name: b.name,
        required: b.required,
        side: b.globalRole === "client" ? ("client" as const) : ("vendor" as const),
      })),
      artifacts: artifactRows
        .filter((a) => a.gateId === gate.id)
        .map((a) => ({
          id: a.id,
          type: a.type,
          ...artifactTextsOrSource(a, reader),
          requirement: a.requirement,
          status: a.status,
          ownerId: a.ownerId,
          version: a.version,
          latestVersion: latest.has(a.id) ? versionView(latest.get(a.id)!) : null,
          approverRoles: a.approverRoles,
          // Who the artifact still waits for, by the policy's approval rule (empty unless submitted).
          awaitingApprovalFrom: reviewStates.has(a.id)
            ? awaitingApproval({
                approverRoles: a.approverRoles,
                approvals: reviewStates.get(a.id)!.approvals,
                board: gateBoard.map((b) => ({ userId: b.userId, roles: roles.get(b.userId) ?? [] })),
                authorId: reviewStates.get(a.id)!.author?.id ?? null,
              })
            : [],
        })),
      votes: roundVotes.map((v) => ({
        userId: v.userId,
        vote: v.vote,
        rationale: v.rationale,
        castAt: v.castAt,
        updatedAt: v.updatedAt,
      })),
      rule:
        gate.status === "in_review" ? evaluateRule(gate.decisionRule, gate.quorum, seats(gateBoard), roundVotes) : null,
      conditions: conditions
        .filter((c) => c.gateId === gate.id)
        .map((c) => ({
          id: c.id,
          text: c.text,
          ownerId: c.ownerId,
          ownerName: names.get(c.ownerId)?.name ?? "",
          dueDate: c.dueDate,
          status: c.status,
          closedAt: c.closedAt,
        })),
    };
  });
  return { views, versions, votes };
}
export type GateView = Awaited<ReturnType<typeof gateViews>>[number];

/**
 * The project's gates, highest first (N → 1, as its policy version numbers them); with `page`, at
 * most `limit + 1` of them after the cursor's gate number (the API pages them with lib/data/cursor).
 */
export async function listGates(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page?: { limit: number; cursor?: string | null },
  reader?: Locale,
) {
  const access = await loadProjectAccess(db, actor, projectId);
  const before = page?.cursor ? decodeCursor(page.cursor, ["number"])[0] : null;
  const query = db
    .select()
    .from(gates)
    .where(and(eq(gates.projectId, projectId), before === null ? undefined : lt(gates.number, before)))
    .orderBy(desc(gates.number));
  const rows = await (page ? query.limit(page.limit + 1) : query);
  return { access, gates: await gateViews(db, access, rows, reader) };
}

/** One gate with everything its page shows; its policy texts in the reader's language when given. */
/** A gate in full with its review rounds: what the gate page and API v1 both show. */
async function gateInFull(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  number: number,
  reader?: Locale,
  known?: KnownGate,
) {
  const access = known?.access ?? (await loadProjectAccess(db, actor, projectId));
  const gate = known?.gate ?? (await loadGate(db, projectId, number));
  const [
    {
      views: [view],
      versions,
      votes,
    },
    decisions,
  ] = await Promise.all([
    gateViewsAndHistory(db, access, [gate], reader),
    db.select().from(gateDecisions).where(eq(gateDecisions.gateId, gate.id)).orderBy(desc(gateDecisions.round)),
  ]);
  const artifactIds = view.artifacts.map((a) => a.id);
  const reviews = artifactIds.length
    ? await db
        .select()
        .from(artifactReviews)
        .where(inArray(artifactReviews.artifactId, artifactIds))
        .orderBy(desc(artifactReviews.at))
    : [];
  const allVotes = [...votes].sort((a, b) => (a.castAt < b.castAt ? -1 : a.castAt > b.castAt ? 1 : 0));
  const names = await userNames(db, [
    ...versions.map((v) => v.submittedBy),
    ...reviews.map((r) => r.reviewerId),
    ...decisions.map((d) => d.decidedBy),
    ...allVotes.map((v) => v.userId),
  ]);
  const nameOf = (id: string) => names.get(id)?.name ?? "Unknown user";
  const rounds = [...new Set([...decisions.map((d) => d.round), ...allVotes.map((v) => v.round)])]
    .filter((round) => round !== gate.round || decisions.some((d) => d.round === round))
    .sort((a, b) => b - a)
    .map((round) => {
      const decision = decisions.find((d) => d.round === round);
      return {
        round,
        decision: decision
          ? {
              decision: decision.decision,
              rationale: decision.rationale,
              decidedBy: nameOf(decision.decidedBy),
              decidedAt: decision.decidedAt,
            }
          : null,
        votes: allVotes
          .filter((v) => v.round === round)
          .map((v) => ({
            userId: v.userId,
            name: nameOf(v.userId),
            vote: v.vote,
            rationale: v.rationale,
            updatedAt: v.updatedAt,
          })),
      };
    });
  return {
    access,
    view,
    gate: {
      ...view,
      artifacts: view.artifacts.map((a) => ({
        ...a,
        ownerName: a.ownerId ? nameOf(a.ownerId) : null,
        versions: versions
          .filter((v) => v.artifactId === a.id)
          .map((v) => ({ ...versionView(v), markdown: v.markdown, submittedByName: nameOf(v.submittedBy) })),
        reviews: reviews
          .filter((r) => r.artifactId === a.id)
          .map((r) => ({
            id: r.id,
            versionId: r.versionId,
            reviewerId: r.reviewerId,
            reviewerName: nameOf(r.reviewerId),
            decision: r.decision,
            comment: r.comment,
            at: r.at,
            dismissed: Boolean(r.dismissedAt),
          })),
      })),
      votes: view.votes.map((v) => ({ ...v, name: nameOf(v.userId) })),
    },
    rounds,
  };
}

/** The gate page's data: the gate in full, the project's members (to choose owners), and the reader's part. */
export async function gateDetail(db: DbOrTx, actor: Actor, projectId: string, number: number, reader?: Locale) {
  const { access, view, gate, rounds } = await gateInFull(db, actor, projectId, number, reader);
  const members = await listProjectMembers(db, actor, projectId);
  return {
    project: access.project,
    gate,
    rounds,
    members,
    you: {
      id: actor.id,
      onBoard: view.board.some((b) => b.userId === actor.id),
      canManage: access.can("gate.manage"),
      canSubmitArtifacts: access.can("artifact.submit"),
      yourVote: view.votes.find((v) => v.userId === actor.id) ?? null,
    },
  };
}
export type GateDetail = Awaited<ReturnType<typeof gateDetail>>;

/** The reader's access and the gate as a command just read and wrote them: not read again. */
type KnownGate = { access: ProjectAccess; gate: Gate };

/**
 * One gate as API v1 answers it: the gate in full with its review rounds (no members: the API has
 * its own). After a command that changed only the gate, `known` spares reading it and the project again.
 */
export async function gateJson(db: DbOrTx, actor: Actor, at: { projectId: string; number: number }, known?: KnownGate) {
  const { gate, rounds } = await gateInFull(db, actor, at.projectId, at.number, undefined, known);
  return { ...gate, rounds };
}
