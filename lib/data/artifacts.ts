// Artifact versions (file, URL or markdown) and reviews by the gate's board. Each command goes
// through projectCommand: authorize → lib/domain/artifact → write (version-checked) → audit.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { type Db, type DbOrTx, first, one, writeAtCommit } from "@/db/client";
import { type Placeholders, reusedQuery } from "@/db/reused";
import {
  artifactReviews,
  artifacts,
  artifactVersions,
  gateBoardMembers,
  gates,
  type Artifact,
  type ArtifactVersion,
} from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { type CommandEvent, projectCommand } from "@/lib/data/command";
import { projectRolesOf, reviewStatesOf } from "@/lib/data/gate-state";
import { gateHref } from "@/lib/data/gates";
import { refreshProjectHealth } from "@/lib/data/health";
import { personOf, publishEvent } from "@/lib/data/domain-events";
import { notify } from "@/lib/data/notifications";
import { discardUpload, readUpload, storeUpload, type StoredFile } from "@/lib/data/uploads";
import { addVersion, review, type ReviewDecision } from "@/lib/domain/artifact";
import type { Refusal } from "@/lib/domain/refusal";
import type { GateStatus } from "@/lib/domain/gate";
import type { Actor } from "@/lib/domain/permissions";
import { notFound, refused, staleVersion } from "@/lib/errors";

export type VersionSource =
  | { kind: "file"; fileName: string; bytes: Buffer }
  | { kind: "url"; url: string }
  | { kind: "markdown"; markdown: string };

/**
 * The ids of the gate's board (whom a version notifies, who may review), as one column of a select
 * that joins `gates`: read with the artifact, not by a statement of their own. `boardIds` reads it.
 */
export const gateBoardColumn = sql<string | null>`(select string_agg(${gateBoardMembers.userId}, ',')
  from ${gateBoardMembers} where ${gateBoardMembers.gateId} = ${gates.id})`;
export const boardIds = (column: string | null): string[] => (column ? column.split(",") : []);

const artifactWithGate = reusedQuery((db, p: Placeholders<"projectId" | "artifactId">) =>
  db
    .select({ artifact: artifacts, gate: gates, board: gateBoardColumn })
    .from(artifacts)
    .innerJoin(gates, eq(gates.id, artifacts.gateId))
    .where(and(eq(artifacts.id, p.artifactId), eq(artifacts.projectId, p.projectId))),
);

/** The artifact with its gate and board, scoped by project: another project's artifact id is "not found". */
async function loadArtifact(db: DbOrTx, projectId: string, artifactId: string) {
  const [row] = await artifactWithGate(db, { projectId, artifactId });
  if (!row) throw notFound("This artifact");
  return { artifact: row.artifact, gate: row.gate, board: boardIds(row.board) };
}

/** The artifact as a command's object: its version is the one the caller saw. */
async function artifactTarget(db: DbOrTx, projectId: string, artifactId: string) {
  const row = await loadArtifact(db, projectId, artifactId);
  return { ...row, version: row.artifact.version };
}

const newestVersion = reusedQuery((db, p: Placeholders<"artifactId">) =>
  db
    .select()
    .from(artifactVersions)
    .where(eq(artifactVersions.artifactId, p.artifactId))
    .orderBy(desc(artifactVersions.number))
    .limit(1),
);

async function latestVersion(db: DbOrTx, artifactId: string) {
  return (await newestVersion(db, { artifactId }))[0] ?? null;
}

async function bumpArtifact(tx: DbOrTx, artifact: Artifact, set: Partial<Artifact>): Promise<Artifact> {
  // Only the columns whose values change: SQLite rewrites every index on a column it is given, and
  // a new version usually leaves the owner and the status as they were.
  const changed = Object.fromEntries(
    Object.entries(set).filter(([column, value]) => artifact[column as keyof Artifact] !== value),
  );
  const updated = await first(
    tx
      .update(artifacts)
      .set({ ...changed, version: artifact.version + 1 })
      .where(
        and(
          eq(artifacts.id, artifact.id),
          eq(artifacts.projectId, artifact.projectId),
          eq(artifacts.version, artifact.version),
        ),
      )
      .returning(),
  );
  if (!updated) throw staleVersion("this artifact");
  return updated;
}

/**
 * Dismisses the reviews still standing on each artifact, as of the moment its first new version
 * came (one statement per artifact: PostgreSQL runs a batch as one, where a row changes once).
 */
function dismissReviews(tx: DbOrTx, dismissals: { artifactId: string; at: string }[]) {
  const first = new Map<string, string>();
  for (const { artifactId, at } of dismissals) if (!first.has(artifactId)) first.set(artifactId, at);
  return [...first].map(([artifactId, at]) =>
    tx
      .update(artifactReviews)
      .set({ dismissedAt: at })
      .where(and(eq(artifactReviews.artifactId, artifactId), isNull(artifactReviews.dismissedAt))),
  );
}

/**
 * Inside a caller's command: the artifact rule, then the version row, the artifact's new
 * status, the audit event (queued on the command's `audit`, on the command's project) and the
 * board's notification, as addArtifactVersion does. A refusal is
 * returned, not thrown, so a command that files a version as a side effect (the go-live
 * certificate) can skip it instead of failing.
 */
export async function writeArtifactVersion(
  tx: DbOrTx,
  ctx: RequestContext,
  audit: (event: CommandEvent) => void,
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
    /** The ids of the gate's board, read with the artifact (`gateBoardColumn`). */
    board: string[];
  },
): Promise<{ ok: true; artifact: Artifact; version: ArtifactVersion } | { ok: false; refusal: Refusal }> {
  const { artifact, gate, source, stored } = input;
  const outcome = addVersion({ artifact, gateStatus: gate.status, kind: source.kind });
  if (!outcome.ok) return outcome;
  const now = new Date().toISOString();
  const version = await one(
    tx
      .insert(artifactVersions)
      .values({
        artifactId: artifact.id,
        // The next number, counted by the insert itself (writers of a project run one at a time).
        number: sql`(select coalesce(max(${artifactVersions.number}), 0) + 1 from ${artifactVersions}
          where ${artifactVersions.artifactId} = ${artifact.id})`,
        kind: source.kind,
        ...(stored ? stored : {}),
        url: source.kind === "url" ? source.url : null,
        markdown: source.kind === "markdown" ? source.markdown : null,
        note: input.note,
        submittedBy: ctx.actor.id,
        submittedAt: now,
      })
      .returning(),
  );
  if (outcome.next.dismissesReviews) {
    // Nothing in the command reads the reviews again: written with its other batched rows.
    const dismissal = { artifactId: artifact.id, at: now };
    await writeAtCommit(tx, "review-dismissals", [dismissal], dismissReviews);
  }
  const updated = await bumpArtifact(tx, artifact, {
    status: outcome.next.status,
    ownerId: artifact.ownerId ?? ctx.actor.id,
  });
  for (const event of outcome.events) {
    audit({
      ...event,
      objectType: "artifact",
      objectId: artifact.id,
      after: {
        ...(event.after as object),
        version: version.number,
        title: artifact.title,
        ...(stored ? { sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType } : {}),
        ...input.auditAfter,
      },
    });
  }
  await publishEvent(
    tx,
    "artifact.version_added",
    { id: input.projectId, name: input.projectName },
    {
      gate: { id: gate.id, number: gate.number },
      artifact: { id: updated.id, title: updated.title, status: updated.status },
      version: { id: version.id, number: version.number, kind: version.kind, submittedAt: version.submittedAt },
      submittedBy: personOf(ctx.actor),
    },
  );
  await notify(tx, ctx.actor.id, {
    userIds: input.board,
    projectId: input.projectId,
    kind: "artifact_needs_review",
    title: `“${artifact.title}” (version ${version.number}) of ${input.projectName} needs your review`,
    params: { artifact: artifact.title, version: version.number, project: input.projectName },
    href: gateHref(input.projectId, gate.number),
  });
  return { ok: true, artifact: updated, version };
}

/** Adds a version. A file is checked and stored first and removed again if the write is refused. */
export async function addArtifactVersion(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; artifactId: string; source: VersionSource; note?: string; expectedVersion?: number },
) {
  let stored: StoredFile | null = null;
  if (input.source.kind === "file") {
    // Cheap authorization before touching the disk; repeated inside the transaction.
    await requireProjectPermission(db, ctx.actor, input.projectId, "artifact.submit");
    await loadArtifact(db, input.projectId, input.artifactId);
    stored = storeUpload(input.source.fileName, input.source.bytes);
  }
  try {
    return await projectCommand(db, ctx, {
      projectId: input.projectId,
      permission: "artifact.submit",
      load: (tx, project) => artifactTarget(tx, project.id, input.artifactId),
      expectedVersion: input.expectedVersion,
      run: async ({ tx, project, target: { artifact, gate, board }, audit }) => {
        const added = await writeArtifactVersion(tx, ctx, audit, {
          projectId: project.id,
          projectName: project.name,
          artifact,
          gate,
          board,
          source: input.source,
          stored,
          note: input.note ?? "",
        });
        if (!added.ok) refused(added.refusal);
        return { artifact: added.artifact, version: added.version };
      },
    });
  } catch (error) {
    if (stored) discardUpload(stored.storedName);
    throw error;
  }
}

/** A board member of the artifact's gate approves or requests changes on the latest version. */
export async function reviewArtifact(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; artifactId: string; decision: ReviewDecision; comment: string; expectedVersion?: number },
) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "view",
    load: (tx, project) => artifactTarget(tx, project.id, input.artifactId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, project, target: { artifact, gate, board }, audit }) => {
      const latest = await latestVersion(tx, artifact.id);
      const onBoard = board.includes(ctx.actor.id);
      const roles = await projectRolesOf(tx, input.projectId);
      const outcome = review({
        artifact,
        approvals: (await reviewStatesOf(tx, [artifact.id], roles)).get(artifact.id)?.approvals ?? [],
        reviewerRoles: roles.get(ctx.actor.id) ?? [],
        gateStatus: gate.status,
        projectStatus: project.status,
        latestVersion: latest,
        reviewerId: ctx.actor.id,
        reviewerOnBoard: onBoard,
        decision: input.decision,
        comment: input.comment,
      });
      if (!outcome.ok) refused(outcome.refusal);
      const reviewRow = await one(
        tx
          .insert(artifactReviews)
          .values({
            artifactId: artifact.id,
            versionId: latest!.id,
            reviewerId: ctx.actor.id,
            decision: input.decision,
            comment: input.comment,
            at: new Date().toISOString(),
          })
          .returning(),
      );
      const updated = await bumpArtifact(tx, artifact, { status: outcome.next.status });
      audit(
        ...outcome.events.map((event) => ({
          ...event,
          objectType: "artifact",
          objectId: artifact.id,
          after: { ...(event.after as object), title: artifact.title },
        })),
      );
      // Changes requested feed the project's health.
      await refreshProjectHealth(tx, input.projectId);
      await publishEvent(tx, "artifact.reviewed", project, {
        gate: { id: gate.id, number: gate.number },
        artifact: { id: updated.id, title: updated.title, status: updated.status },
        review: {
          id: reviewRow.id,
          versionId: reviewRow.versionId,
          decision: reviewRow.decision,
          comment: reviewRow.comment,
        },
        reviewedBy: personOf(ctx.actor),
      });
      // An approval that leaves the rule unmet is news only once the artifact is approved.
      const partial = input.decision === "approve" && outcome.next.status !== "approved";
      if (!partial) {
        await notify(tx, ctx.actor.id, {
          userIds: [latest!.submittedBy],
          projectId: input.projectId,
          kind: input.decision === "approve" ? "artifact_approved" : "artifact_changes_requested",
          title:
            input.decision === "approve"
              ? `“${artifact.title}” of ${project.name} was approved`
              : `Changes requested on “${artifact.title}” of ${project.name}`,
          params: { artifact: artifact.title, project: project.name },
          href: gateHref(input.projectId, gate.number),
        });
      }
      return { artifact: updated, review: reviewRow };
    },
  });
}

/** The stored file of a version, for a reader of the project. */
export async function artifactFile(
  db: DbOrTx,
  actor: Actor,
  input: { projectId: string; artifactId: string; versionId: string },
) {
  await loadProjectAccess(db, actor, input.projectId);
  await loadArtifact(db, input.projectId, input.artifactId);
  const version = await first(
    db
      .select()
      .from(artifactVersions)
      .where(and(eq(artifactVersions.id, input.versionId), eq(artifactVersions.artifactId, input.artifactId))),
  );
  if (
    !version ||
    version.kind !== "file" ||
    !version.storedName ||
    !version.fileName ||
    !version.mediaType ||
    version.size === null
  ) {
    throw notFound("This file");
  }
  return {
    fileName: version.fileName,
    mediaType: version.mediaType,
    size: version.size,
    sha256: version.sha256,
    bytes: readUpload(version.storedName),
  };
}
