// Reading the quality of sprints: one sprint's panel, the project history, evidence files.
import { activityTexts } from "@/lib/data/policy-texts";
import type { Locale } from "@/lib/i18n/locale";
import { and, asc, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import { qualityEvidence, qualitySelections, releases, sprints, users } from "@/db/schema";
import { loadProjectAccess } from "@/lib/data/access";
import { decodeCursor } from "@/lib/data/cursor";
import { readUpload } from "@/lib/data/uploads";
import { governingSelectionRow, loadSprint, recentEscapedDefects, type FrozenActivity } from "@/lib/data/quality";
import { inheritingSprints, loadRelease } from "@/lib/data/release-quality";
import type { Actor } from "@/lib/domain/permissions";
import {
  governingSelection,
  latestEvidence,
  missingEvidence,
  type QualityAnswers,
  type ReleaseRef,
} from "@/lib/domain/quality-selection";
import { notFound } from "@/lib/errors";
import type { ActivityView, EvidenceView, SelectionView, SprintQualityView } from "@/lib/views/quality";

async function evidenceOf(
  db: DbOrTx,
  projectId: string,
  selectionIds: string[],
): Promise<(EvidenceView & { selectionId: string })[]> {
  if (selectionIds.length === 0) return [];
  return (
    await db
      .select({ evidence: qualityEvidence, recorderName: users.name })
      .from(qualityEvidence)
      .innerJoin(users, eq(users.id, qualityEvidence.recordedBy))
      .where(inArray(qualityEvidence.selectionId, selectionIds))
      .orderBy(asc(qualityEvidence.recordedAt))
  ).map(({ evidence: e, recorderName }) => ({
    id: e.id,
    selectionId: e.selectionId,
    activityKey: e.activityKey,
    result: e.result,
    reason: e.reason,
    link: e.link,
    file:
      e.storedName && e.fileName
        ? {
            name: e.fileName,
            size: e.size ?? 0,
            sha256: e.sha256 ?? "",
            mediaType: e.mediaType ?? "application/octet-stream",
            href: `/api/v1/projects/${projectId}/quality/evidence/${e.id}/file`,
          }
        : null,
    recordedBy: { id: e.recordedBy, name: recorderName },
    recordedAt: e.recordedAt,
  }));
}

function activityStatuses(activities: FrozenActivity[], evidence: EvidenceView[], reader?: Locale): ActivityView[] {
  const latest = latestEvidence(evidence);
  return activities.map(({ translations, ...activity }) => ({
    ...activity,
    ...(reader ? activityTexts({ name: activity.name, translations }, reader) : {}),
    latest: latest.get(activity.key) ?? null,
    history: evidence.filter((e) => e.activityKey === activity.key).reverse(),
  }));
}

function selectionView(
  selection: typeof qualitySelections.$inferSelect,
  selectorName: string,
  evidence: EvidenceView[],
  reader?: Locale,
): SelectionView {
  const activities = selection.activities as FrozenActivity[];
  return {
    id: selection.id,
    // Stored from the validated answers (lib/validation/quality).
    answers: selection.answers as QualityAnswers,
    recommendedLevel: selection.recommendedLevel,
    reasons: selection.reasons,
    chosenLevel: selection.chosenLevel,
    // Levels are "QS" + one digit (lib/validation/quality), so text order is rank order.
    belowRecommendation: selection.chosenLevel < selection.recommendedLevel,
    justification: selection.justification,
    selectedBy: { id: selection.selectedBy, name: selectorName },
    selectedAt: selection.selectedAt,
    activities: activityStatuses(activities, evidence, reader),
    missing: missingEvidence({ activities }, evidence),
  };
}

async function selectorName(db: DbOrTx, userId: string) {
  return (await first(db.select({ name: users.name }).from(users).where(eq(users.id, userId))))?.name ?? "";
}

/** Everything the sprint quality panel shows, and what this actor may do there. */
export async function sprintQuality(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  sprintId: string,
  reader?: Locale,
): Promise<SprintQualityView> {
  const access = await loadProjectAccess(db, actor, projectId);
  const sprint = await loadSprint(db, projectId, sprintId);
  // Its own selection, else the release's it inherits (evidence on that one counts for this sprint).
  const governing = await governingSelectionRow(db, sprint);
  const row = governing.selection;
  const selection = row
    ? selectionView(row, await selectorName(db, row.selectedBy), await evidenceOf(db, projectId, [row.id]), reader)
    : null;
  return {
    sprint: {
      id: sprint.id,
      number: sprint.number,
      status: sprint.status,
      escapedDefects: sprint.escapedDefects,
      version: sprint.version,
    },
    selection,
    /** Set when the sprint has no selection of its own and is held to its release's. */
    inheritedFrom: governing.release,
    missing: selection ? selection.missing : missingEvidence(null, []),
    recentEscapedDefects: await recentEscapedDefects(db, projectId, sprint.number),
    canEdit: access.can("quality.select") && ["planned", "active", "rejected"].includes(sprint.status),
    canRecordDefects: access.can("quality.select"),
  };
}

/**
 * The project quality history: per sprint (newest first: all of them, or a page before the cursor's
 * sprint number), the level recommended and chosen, evidence and escaped defects.
 */
export async function projectQualityHistory(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page?: { limit: number; cursor?: string | null },
  reader?: Locale,
) {
  const access = await loadProjectAccess(db, actor, projectId);
  const before = page?.cursor ? decodeCursor(page.cursor, ["number"])[0] : null;
  const sprintQuery = db
    .select()
    .from(sprints)
    .where(and(eq(sprints.projectId, projectId), before === null ? undefined : lt(sprints.number, before)))
    .orderBy(desc(sprints.number));
  const sprintRows = await (page ? sprintQuery.limit(page.limit + 1) : sprintQuery);
  // A page needs its own sprints' selections and the releases' (which sprints may inherit).
  const selections = await db
    .select({ selection: qualitySelections, selectorName: users.name })
    .from(qualitySelections)
    .innerJoin(users, eq(users.id, qualitySelections.selectedBy))
    .where(
      and(
        eq(qualitySelections.projectId, projectId),
        page
          ? or(
              isNull(qualitySelections.sprintId),
              inArray(
                qualitySelections.sprintId,
                sprintRows.map((s) => s.id),
              ),
            )
          : undefined,
      ),
    );
  const evidence = await evidenceOf(
    db,
    projectId,
    selections.map((s) => s.selection.id),
  );
  const bySprint = new Map(selections.filter((s) => s.selection.sprintId).map((s) => [s.selection.sprintId, s]));
  const byRelease = new Map(
    selections.filter((s) => !s.selection.sprintId && s.selection.releaseId).map((s) => [s.selection.releaseId, s]),
  );
  const releaseRows = await db
    .select({
      id: releases.id,
      number: releases.number,
      name: releases.name,
      scope: releases.scope,
      targetDate: releases.targetDate,
    })
    .from(releases)
    .where(eq(releases.projectId, projectId))
    .orderBy(asc(releases.number));
  const releaseById = new Map(releaseRows.map((r) => [r.id, r]));
  const viewOf = (row: (typeof selections)[number]) =>
    selectionView(
      row.selection,
      row.selectorName,
      evidence.filter((e) => e.selectionId === row.selection.id),
      reader,
    );
  return {
    project: access.project,
    canRecordDefects: access.can("quality.select"),
    canSelect: access.can("quality.select"),
    releases: releaseRows.map((r) => {
      const row = byRelease.get(r.id);
      return {
        ...r,
        selection: row ? viewOf(row) : null,
        inheritingSprints: sprintRows
          .filter((s) => s.releaseId === r.id && !bySprint.has(s.id))
          .map((s) => ({ id: s.id, number: s.number, status: s.status }))
          .reverse(),
      };
    }),
    sprints: sprintRows.map((s) => {
      const release = s.releaseId ? releaseById.get(s.releaseId) : undefined;
      const governing = governingSelection(
        bySprint.get(s.id) ?? null,
        release
          ? { id: release.id, number: release.number, name: release.name, selection: byRelease.get(release.id) ?? null }
          : null,
      );
      const row = governing.selection;
      return {
        id: s.id,
        number: s.number,
        goal: s.goal,
        status: s.status,
        startDate: s.startDate,
        endDate: s.endDate,
        escapedDefects: s.escapedDefects,
        version: s.version,
        selection: row ? viewOf(row) : null,
        inheritedFrom: governing.release,
      };
    }),
  };
}

/** One release's quality selection, its activities with evidence, and the sprints inheriting it. */
export async function releaseQuality(db: DbOrTx, actor: Actor, projectId: string, releaseId: string, reader?: Locale) {
  const access = await loadProjectAccess(db, actor, projectId);
  const release = await loadRelease(db, projectId, releaseId);
  const row = await first(
    db
      .select({ selection: qualitySelections, selectorName: users.name })
      .from(qualitySelections)
      .innerJoin(users, eq(users.id, qualitySelections.selectedBy))
      .where(
        and(
          eq(qualitySelections.releaseId, release.id),
          isNull(qualitySelections.sprintId),
          eq(qualitySelections.projectId, projectId),
        ),
      ),
  );
  const selection = row
    ? selectionView(row.selection, row.selectorName, await evidenceOf(db, projectId, [row.selection.id]), reader)
    : null;
  const ref: ReleaseRef = { id: release.id, number: release.number, name: release.name };
  return {
    release: ref,
    selection,
    missing: selection ? selection.missing : missingEvidence(null, []),
    inheritingSprints: (await inheritingSprints(db, projectId, release.id)).map((s) => ({
      id: s.id,
      number: s.number,
      status: s.status,
    })),
    recentEscapedDefects: await recentEscapedDefects(db, projectId),
    canEdit: access.can("quality.select"),
  };
}
export type ReleaseQuality = Awaited<ReturnType<typeof releaseQuality>>;

/** A stored evidence file, for the download route: only for those who can see the project. */
export async function evidenceFileFor(db: DbOrTx, actor: Actor, projectId: string, evidenceId: string) {
  await loadProjectAccess(db, actor, projectId);
  const row = await first(
    db
      .select({ evidence: qualityEvidence })
      .from(qualityEvidence)
      .innerJoin(qualitySelections, eq(qualitySelections.id, qualityEvidence.selectionId))
      .where(and(eq(qualityEvidence.id, evidenceId), eq(qualitySelections.projectId, projectId))),
  );
  if (!row?.evidence.storedName) throw notFound("This file");
  let bytes: Buffer;
  try {
    bytes = readUpload(row.evidence.storedName);
  } catch (error) {
    // A missing file is "not found"; an altered one (UploadTampered) is refused as such and audited.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw notFound("This file");
    throw error;
  }
  return {
    bytes,
    fileName: row.evidence.fileName ?? "evidence",
    mediaType: row.evidence.mediaType ?? "application/octet-stream",
    size: bytes.length,
    sha256: row.evidence.sha256,
  };
}
