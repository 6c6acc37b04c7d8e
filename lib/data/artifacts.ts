// Artifact versions (file, URL or markdown) and reviews by the gate's board. Each command
// authorizes, asks lib/domain/artifact, writes and audits inside one immediate transaction.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { artifactReviews, artifacts, artifactVersions, gateBoardMembers, gates, type Artifact, type ArtifactVersion } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { assertVersion, loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { projectRolesOf, raise, reviewStatesOf } from "@/lib/data/gate-state";
import { gateHref } from "@/lib/data/gates";
import { refreshProjectHealth } from "@/lib/data/health";
import { notify } from "@/lib/data/notifications";
import { discardUpload, readUpload, storeUpload, type StoredFile } from "@/lib/data/uploads";
import { addVersion, review, type ArtifactRefusal, type ReviewDecision } from "@/lib/domain/artifact";
import type { GateStatus } from "@/lib/domain/gate";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, notFound } from "@/lib/errors";

const IMMEDIATE = { behavior: "immediate" } as const;

export type VersionSource =
  | { kind: "file"; fileName: string; bytes: Buffer }
  | { kind: "url"; url: string }
  | { kind: "markdown"; markdown: string };

/** The artifact with its gate, scoped by project: another project's artifact id is "not found". */
function loadArtifact(db: DbOrTx, projectId: string, artifactId: string) {
  const row = db
    .select({ artifact: artifacts, gate: gates })
    .from(artifacts)
    .innerJoin(gates, eq(gates.id, artifacts.gateId))
    .where(and(eq(artifacts.id, artifactId), eq(artifacts.projectId, projectId)))
    .get();
  if (!row) throw notFound("This artifact");
  return row;
}

function latestVersion(db: DbOrTx, artifactId: string) {
  return db.select().from(artifactVersions).where(eq(artifactVersions.artifactId, artifactId)).orderBy(desc(artifactVersions.number)).limit(1).get() ?? null;
}

function bumpArtifact(tx: DbOrTx, artifact: Artifact, set: Partial<Artifact>): Artifact {
  const updated = tx
    .update(artifacts)
    .set({ ...set, version: artifact.version + 1 })
    .where(and(eq(artifacts.id, artifact.id), eq(artifacts.projectId, artifact.projectId), eq(artifacts.version, artifact.version)))
    .returning()
    .get();
  if (!updated) throw new AppError("stale_version", "Someone else changed this artifact in the meantime. Reload and try again.", "stale_version");
  return updated;
}

/**
 * Inside a caller's transaction: the artifact rule, then the version row, the artifact's new
 * status, the audit event and the board's notification, as addArtifactVersion does. A refusal is
 * returned, not thrown, so a command that files a version as a side effect (the go-live
 * certificate) can skip it instead of failing.
 */
export function writeArtifactVersion(
  tx: DbOrTx,
  ctx: RequestContext,
  input: {
    projectId: string;
    projectName: string;
    artifact: Artifact;
    gate: { id: string; number: number; status: GateStatus };
    source: VersionSource;
    stored: StoredFile | null;
    note: string;
    /** Extra facts for the audit event (e.g. where the version was filed from). */
    auditAfter?: Record<string, unknown>;
  },
): { ok: true; artifact: Artifact; version: ArtifactVersion } | { ok: false; refusal: ArtifactRefusal } {
  const { artifact, gate, source, stored } = input;
  const number = (latestVersion(tx, artifact.id)?.number ?? 0) + 1;
  const outcome = addVersion({ artifact, gateStatus: gate.status, versionNumber: number, kind: source.kind });
  if (!outcome.ok) return outcome;
  const now = new Date().toISOString();
  const version = tx
    .insert(artifactVersions)
    .values({
      artifactId: artifact.id,
      number,
      kind: source.kind,
      ...(stored ? stored : {}),
      url: source.kind === "url" ? source.url : null,
      markdown: source.kind === "markdown" ? source.markdown : null,
      note: input.note,
      submittedBy: ctx.actor.id,
      submittedAt: now,
    })
    .returning()
    .get();
  if (outcome.next.dismissesReviews) {
    tx.update(artifactReviews).set({ dismissedAt: now }).where(and(eq(artifactReviews.artifactId, artifact.id), isNull(artifactReviews.dismissedAt))).run();
  }
  const updated = bumpArtifact(tx, artifact, { status: outcome.next.status, ownerId: artifact.ownerId ?? ctx.actor.id });
  for (const event of outcome.events) {
    recordAudit(tx, ctx, {
      ...event,
      objectType: "artifact",
      objectId: artifact.id,
      projectId: input.projectId,
      after: {
        ...(event.after as object),
        title: artifact.title,
        ...(stored ? { sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType } : {}),
        ...input.auditAfter,
      },
    });
  }
  const board = tx.select({ userId: gateBoardMembers.userId }).from(gateBoardMembers).where(eq(gateBoardMembers.gateId, gate.id)).all();
  notify(tx, ctx.actor.id, {
    userIds: board.map((b) => b.userId),
    projectId: input.projectId,
    kind: "artifact_needs_review",
    title: `“${artifact.title}” (version ${number}) of ${input.projectName} needs your review`,
    href: gateHref(input.projectId, gate.number),
  });
  return { ok: true, artifact: updated, version };
}

/** Adds a version. A file is checked and stored first and removed again if the write is refused. */
export function addArtifactVersion(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; artifactId: string; source: VersionSource; note?: string; expectedVersion?: number },
) {
  // Cheap authorization before touching the disk; repeated inside the transaction.
  requireProjectPermission(db, ctx.actor, input.projectId, "artifact.submit");
  loadArtifact(db, input.projectId, input.artifactId);
  const stored: StoredFile | null = input.source.kind === "file" ? storeUpload(input.source.fileName, input.source.bytes) : null;
  try {
    return db.transaction((tx) => {
      const access = requireProjectPermission(tx, ctx.actor, input.projectId, "artifact.submit");
      const { artifact, gate } = loadArtifact(tx, input.projectId, input.artifactId);
      assertVersion(artifact.version, input.expectedVersion);
      const added = writeArtifactVersion(tx, ctx, {
        projectId: input.projectId,
        projectName: access.project.name,
        artifact,
        gate,
        source: input.source,
        stored,
        note: input.note ?? "",
      });
      if (!added.ok) raise(added.refusal);
      return { artifact: added.artifact, version: added.version };
    }, IMMEDIATE);
  } catch (error) {
    if (stored) discardUpload(stored.storedName);
    throw error;
  }
}

/** A board member of the artifact's gate approves or requests changes on the latest version. */
export function reviewArtifact(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; artifactId: string; decision: ReviewDecision; comment: string; expectedVersion?: number },
) {
  return db.transaction((tx) => {
    const access = loadProjectAccess(tx, ctx.actor, input.projectId);
    const { artifact, gate } = loadArtifact(tx, input.projectId, input.artifactId);
    assertVersion(artifact.version, input.expectedVersion);
    const latest = latestVersion(tx, artifact.id);
    const onBoard = Boolean(
      tx.select().from(gateBoardMembers).where(and(eq(gateBoardMembers.gateId, gate.id), eq(gateBoardMembers.userId, ctx.actor.id))).get(),
    );
    const roles = projectRolesOf(tx, input.projectId);
    const outcome = review({
      artifact,
      approvals: reviewStatesOf(tx, [artifact.id], roles).get(artifact.id)?.approvals ?? [],
      reviewerRoles: roles.get(ctx.actor.id) ?? [],
      gateStatus: gate.status,
      projectStatus: access.project.status,
      latestVersion: latest,
      reviewerId: ctx.actor.id,
      reviewerOnBoard: onBoard,
      decision: input.decision,
      comment: input.comment,
    });
    if (!outcome.ok) raise(outcome.refusal);
    const reviewRow = tx
      .insert(artifactReviews)
      .values({ artifactId: artifact.id, versionId: latest!.id, reviewerId: ctx.actor.id, decision: input.decision, comment: input.comment, at: new Date().toISOString() })
      .returning()
      .get();
    const updated = bumpArtifact(tx, artifact, { status: outcome.next.status });
    for (const event of outcome.events) {
      recordAudit(tx, ctx, { ...event, objectType: "artifact", objectId: artifact.id, projectId: input.projectId, after: { ...(event.after as object), title: artifact.title } });
    }
    // Changes requested feed the project's health.
    refreshProjectHealth(tx, input.projectId);
    // An approval that leaves the rule unmet is news only once the artifact is approved.
    const partial = input.decision === "approve" && outcome.next.status !== "approved";
    if (!partial) {
      notify(tx, ctx.actor.id, {
        userIds: [latest!.submittedBy],
        projectId: input.projectId,
        kind: input.decision === "approve" ? "artifact_approved" : "artifact_changes_requested",
        title:
          input.decision === "approve"
            ? `“${artifact.title}” of ${access.project.name} was approved`
            : `Changes requested on “${artifact.title}” of ${access.project.name}`,
        href: gateHref(input.projectId, gate.number),
      });
    }
    return { artifact: updated, review: reviewRow };
  }, IMMEDIATE);
}

/** The stored file of a version, for a reader of the project. */
export function artifactFile(db: DbOrTx, actor: Actor, input: { projectId: string; artifactId: string; versionId: string }) {
  loadProjectAccess(db, actor, input.projectId);
  loadArtifact(db, input.projectId, input.artifactId);
  const version = db
    .select()
    .from(artifactVersions)
    .where(and(eq(artifactVersions.id, input.versionId), eq(artifactVersions.artifactId, input.artifactId)))
    .get();
  if (!version || version.kind !== "file" || !version.storedName || !version.fileName || !version.mediaType || version.size === null) {
    throw notFound("This file");
  }
  return { fileName: version.fileName, mediaType: version.mediaType, size: version.size, sha256: version.sha256, bytes: readUpload(version.storedName) };
}
