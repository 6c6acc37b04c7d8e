// Quality selection and evidence per release (DESIGN.md §2 "QualitySelection (per sprint or
// release)"): the same questions and rules as a sprint's; sprints of the release without their
// own selection inherit it (lib/domain/quality-selection governingSelection).
import { and, eq, isNull } from "drizzle-orm";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { qualityEvidence, qualitySelections, releases, sprints } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { requireProjectPermission } from "@/lib/data/access";
import { projectCommand } from "@/lib/data/command";
import { refreshProjectHealth } from "@/lib/data/health";
import {
  recentEscapedDefects,
  recommendationFrom,
  releaseSelectionRow,
  type RecordEvidenceInput,
  type SelectQualityInput,
  writeSelection,
} from "@/lib/data/quality";
import { toLevels } from "@/lib/data/quality-scale";
import { discardUpload, storeUpload, type StoredFile } from "@/lib/data/uploads";
import { decideEvidence, decideReleaseSelection } from "@/lib/domain/quality-selection";
import { AppError, notFound, refused } from "@/lib/errors";

export async function loadRelease(db: DbOrTx, projectId: string, releaseId: string) {
  const release = await first(
    db
      .select()
      .from(releases)
      .where(and(eq(releases.id, releaseId), eq(releases.projectId, projectId))),
  );
  if (!release) throw notFound("This release");
  return release;
}

/** Sprints of the release that have no selection of their own: they are held to the release's. */
export async function inheritingSprints(db: DbOrTx, projectId: string, releaseId: string) {
  return await db
    .select({ id: sprints.id, number: sprints.number, goal: sprints.goal, status: sprints.status })
    .from(sprints)
    .leftJoin(qualitySelections, eq(qualitySelections.sprintId, sprints.id))
    .where(and(eq(sprints.projectId, projectId), eq(sprints.releaseId, releaseId), isNull(qualitySelections.id)))
    .orderBy(sprints.number);
}

export type SelectReleaseQualityInput = Omit<SelectQualityInput, "sprintId"> & { releaseId: string };

export async function selectReleaseQuality(db: Db, ctx: RequestContext, input: SelectReleaseQualityInput) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "quality.select",
    run: async (scope) => {
      const { tx } = scope;
      const release = await loadRelease(tx, input.projectId, input.releaseId);
      const {
        scale,
        level: recommended,
        reasons,
      } = await recommendationFrom(tx, input.answers, await recentEscapedDefects(tx, input.projectId));
      const decision = decideReleaseSelection({
        inheritingSprints: await inheritingSprints(tx, input.projectId, release.id),
        levels: toLevels(scale),
        recommended: recommended.level,
        chosen: input.chosenLevel,
        justification: input.justification,
      });
      if (!decision.ok) refused(decision.refusal);
      // The selection's one audit event is queued by the shared writeSelection (lib/data/quality).
      return await writeSelection(scope, {
        input,
        existing: await releaseSelectionRow(tx, input.projectId, release.id),
        target: { releaseId: release.id, sprintId: null },
        recommendation: { scale, recommended, reasons },
        decision,
        subject: { releaseNumber: release.number },
        belowNotice: {
          title: `Release ${release.number} is tested to %chosen, below the recommended %recommended`,
          href: `/projects/${input.projectId}/quality#release-${release.number}`,
        },
      });
    },
  });
}

export type RecordReleaseEvidenceInput = Omit<RecordEvidenceInput, "sprintId"> & { releaseId: string };

/** Evidence for an activity of the release's standard; it counts for every sprint inheriting it. */
export async function recordReleaseEvidence(db: Db, ctx: RequestContext, input: RecordReleaseEvidenceInput) {
  /** The release's rule, judged before the upload is stored and again inside the command. */
  const check = async (tx: DbOrTx) => {
    const release = await loadRelease(tx, input.projectId, input.releaseId);
    const selection = await releaseSelectionRow(tx, input.projectId, release.id);
    if (!selection) {
      throw new AppError(
        "rule_refused",
        "Choose the release's quality standard before recording evidence.",
        "no_quality_selection",
        undefined,
        { problem: "noReleaseQualitySelection" },
      );
    }
    const decision = decideEvidence({
      // Evidence is append-only and dated; the release's own record stays open.
      sprintStatus: "active",
      activityKeys: selection.activities.map((a) => a.key),
      activityKey: input.activityKey,
      result: input.result,
      reason: input.reason,
      hasProof: Boolean(input.link || input.upload),
    });
    if (!decision.ok) refused(decision.refusal);
    return { release, selection };
  };
  await requireProjectPermission(db, ctx.actor, input.projectId, "quality.select");
  await check(db);
  let stored: StoredFile | null = null;
  if (input.upload) stored = storeUpload(input.upload.fileName, input.upload.bytes);
  try {
    return await projectCommand(db, ctx, {
      projectId: input.projectId,
      permission: "quality.select",
      run: async ({ tx, audit }) => {
        const { release, selection } = await check(tx);
        const created = await one(
          tx
            .insert(qualityEvidence)
            .values({
              selectionId: selection.id,
              activityKey: input.activityKey,
              result: input.result,
              reason: input.reason.trim() || null,
              link: input.link || null,
              ...(stored ?? {}),
              recordedBy: ctx.actor.id,
              recordedAt: new Date().toISOString(),
            })
            .returning(),
        );
        audit({
          action: "quality.evidence.record",
          objectType: "quality_evidence",
          objectId: created.id,
          after: {
            releaseNumber: release.number,
            activityKey: created.activityKey,
            result: created.result,
            reason: created.reason,
            link: created.link,
            fileName: created.fileName,
            sha256: created.sha256,
          },
        });
        await refreshProjectHealth(tx, input.projectId);
        return created;
      },
    });
  } catch (error) {
    if (stored) discardUpload(stored.storedName);
    throw error;
  }
}
