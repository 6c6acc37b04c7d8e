// Quality selection and evidence per sprint (DESIGN.md §3 "Quality selection"): every command
// goes through projectCommand: authorize → domain rule (lib/domain/quality-selection) → write → audit.
import type { PolicyTranslations } from "@/db/schema";
import { and, asc, desc, eq, isNull, lt, ne } from "drizzle-orm";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { projectMembers, qualityEvidence, qualitySelections, releases, sprints, type Sprint } from "@/db/schema";
import type { ACTIVITY_TIMINGS, ENVIRONMENTS } from "@/db/enums";
import { refreshProjectHealth } from "@/lib/data/health";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { type CommandScope, projectCommand } from "@/lib/data/command";
import { notify } from "@/lib/data/notifications";
import { loadRules, loadScale, toLevels, toRules } from "@/lib/data/quality-scale";
import { discardUpload, storeUpload, type StoredFile } from "@/lib/data/uploads";
import type { Actor } from "@/lib/domain/permissions";
import {
  decideEvidence,
  decideSelection,
  ESCAPED_DEFECT_WINDOW,
  governingSelection,
  missingEvidence,
  recommend,
  type EvidenceResult,
  type GoverningSelection,
  type MissingItem,
  type QualityAnswers,
} from "@/lib/domain/quality-selection";
import { AppError, notFound, refused, staleVersion } from "@/lib/errors";

export type FrozenActivity = {
  key: string;
  name: string;
  environment: (typeof ENVIRONMENTS)[number];
  timing: (typeof ACTIVITY_TIMINGS)[number];
  gateNumber?: number | null;
  // The name in the scale's other languages when it was chosen (absent on selections made before).
  translations?: PolicyTranslations<"name">;
};

export async function loadSprint(db: DbOrTx, projectId: string, sprintId: string) {
  const sprint = await first(
    db
      .select()
      .from(sprints)
      .where(and(eq(sprints.id, sprintId), eq(sprints.projectId, projectId))),
  );
  if (!sprint) throw notFound("This sprint");
  return sprint;
}

type SelectionRow = typeof qualitySelections.$inferSelect;

/** A release's own selection (the one row without a sprint). */
export async function releaseSelectionRow(
  db: DbOrTx,
  projectId: string,
  releaseId: string,
): Promise<SelectionRow | null> {
  return (
    (await first(
      db
        .select()
        .from(qualitySelections)
        .where(
          and(
            eq(qualitySelections.releaseId, releaseId),
            isNull(qualitySelections.sprintId),
            eq(qualitySelections.projectId, projectId),
          ),
        ),
    )) ?? null
  );
}

/** The selection the sprint is held to: its own, else its release's (lib/domain rule). */
export async function governingSelectionRow(
  db: DbOrTx,
  sprint: Pick<Sprint, "id" | "projectId" | "releaseId">,
): Promise<GoverningSelection<SelectionRow>> {
  const own =
    (await first(db.select().from(qualitySelections).where(eq(qualitySelections.sprintId, sprint.id)))) ?? null;
  const release =
    !own && sprint.releaseId
      ? await first(
          db
            .select({ id: releases.id, number: releases.number, name: releases.name })
            .from(releases)
            .where(and(eq(releases.id, sprint.releaseId), eq(releases.projectId, sprint.projectId))),
        )
      : undefined;
  return governingSelection(
    own,
    release ? { ...release, selection: await releaseSelectionRow(db, sprint.projectId, release.id) } : null,
  );
}

/** The chosen level's required activities, frozen into the selection. */
export function frozenActivities(scale: Awaited<ReturnType<typeof loadScale>>, level: string): FrozenActivity[] {
  const chosen = scale.find((l) => l.level === level)!;
  return chosen.activities.map((a) => ({
    key: a.key,
    name: a.name,
    environment: a.environment,
    timing: a.timing,
    gateNumber: a.gateNumber,
    translations: a.translations,
  }));
}

/** Strictly later than the previous stamp, so the stamp works as a version token. */
export function nextSelectedAt(existing: { selectedAt: string } | null | undefined): string {
  const now = new Date().toISOString();
  return existing && now <= existing.selectedAt ? new Date(Date.parse(existing.selectedAt) + 1).toISOString() : now;
}

/**
 * Escaped defects of the project's last sprints (DESIGN.md §3): the latest three started
 * sprints before `beforeNumber` (or the latest three at all when no sprint is given).
 */
export async function recentEscapedDefects(db: DbOrTx, projectId: string, beforeNumber?: number): Promise<number> {
  return (
    await db
      .select({ escapedDefects: sprints.escapedDefects })
      .from(sprints)
      .where(
        and(
          eq(sprints.projectId, projectId),
          ne(sprints.status, "planned"),
          beforeNumber !== undefined ? lt(sprints.number, beforeNumber) : undefined,
        ),
      )
      .orderBy(desc(sprints.number))
      .limit(ESCAPED_DEFECT_WINDOW)
  ).reduce((sum, s) => sum + s.escapedDefects, 0);
}

export async function recommendationFrom(db: DbOrTx, answers: QualityAnswers, escapedDefects: number | null) {
  const scale = await loadScale(db);
  if (scale.length === 0)
    throw new AppError(
      "conflict",
      "The quality scale is empty; ask an administrator to define it.",
      undefined,
      undefined,
      {
        problem: "qualityScaleEmpty",
      },
    );
  const result = recommend(toLevels(scale), toRules(await loadRules(db)), answers, escapedDefects);
  return { scale, ...result };
}

/** POST /api/v1/quality/recommend: with a project, its recent escaped defects count too. */
export async function recommendQuality(
  db: DbOrTx,
  actor: Actor,
  input: { answers: QualityAnswers; projectId?: string },
) {
  let escapedDefects: number | null = null;
  if (input.projectId) {
    await loadProjectAccess(db, actor, input.projectId);
    escapedDefects = await recentEscapedDefects(db, input.projectId);
  }
  const { level, total, reasons } = await recommendationFrom(db, input.answers, escapedDefects);
  return { level: level.level, name: level.name, points: total, reasons, escapedDefects };
}

/** The recommendation for one sprint (its project's defects from the sprints before it). */
export async function recommendForSprint(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  sprintId: string,
  answers: QualityAnswers,
) {
  await loadProjectAccess(db, actor, projectId);
  const sprint = await loadSprint(db, projectId, sprintId);
  const escapedDefects = await recentEscapedDefects(db, projectId, sprint.number);
  const { level, total, reasons } = await recommendationFrom(db, answers, escapedDefects);
  return { level: level.level, name: level.name, points: total, reasons, escapedDefects };
}

export type SelectQualityInput = {
  projectId: string;
  sprintId: string;
  answers: QualityAnswers;
  chosenLevel: string;
  justification: string;
  /** The selectedAt the user saw ("" for none); a different current one means someone changed it (409). */
  expectedSelectedAt?: string;
};

type Selection = typeof qualitySelections.$inferSelect;

/**
 * Writes a sprint's or a release's selection once the rule accepted it: refuses a stale form
 * (409), freezes the chosen level's activities, audits, and tells the client owner when the level
 * is below the recommendation (a risk they accept at review).
 */
export async function writeSelection(
  { tx, ctx, audit }: Pick<CommandScope<unknown>, "tx" | "ctx" | "audit">,
  w: {
    input: Pick<SelectQualityInput, "projectId" | "answers" | "justification" | "expectedSelectedAt">;
    existing: Selection | null | undefined;
    target: { sprintId: string } | { releaseId: string; sprintId: null };
    recommendation: Pick<Awaited<ReturnType<typeof recommendationFrom>>, "scale" | "reasons"> & {
      recommended: { level: string };
    };
    decision: { chosen: { level: string }; belowRecommendation: boolean };
    subject: { sprintNumber: number } | { releaseNumber: number };
    /** `%chosen` and `%recommended` stand for the levels. */
    belowNotice: { title: string; href: string };
  },
): Promise<Selection> {
  const { input, existing, decision } = w;
  // "" means "I saw no selection": a selection made meanwhile by someone else is a conflict too.
  if (input.expectedSelectedAt !== undefined && input.expectedSelectedAt !== (existing?.selectedAt ?? "")) {
    throw staleVersion();
  }
  const values = {
    answers: input.answers,
    recommendedLevel: w.recommendation.recommended.level,
    reasons: w.recommendation.reasons,
    chosenLevel: decision.chosen.level,
    justification: decision.belowRecommendation ? input.justification.trim() : input.justification.trim() || null,
    activities: frozenActivities(w.recommendation.scale, decision.chosen.level),
    selectedBy: ctx.actor.id,
    selectedAt: nextSelectedAt(existing),
  };
  const after = existing
    ? await one(
        tx
          .update(qualitySelections)
          .set(values)
          .where(and(eq(qualitySelections.id, existing.id), eq(qualitySelections.projectId, input.projectId)))
          .returning(),
      )
    : await one(
        tx
          .insert(qualitySelections)
          .values({ ...values, projectId: input.projectId, ...w.target })
          .returning(),
      );
  audit({
    action: existing ? "quality.selection.change" : "quality.selection.create",
    objectType: "quality_selection",
    objectId: after.id,
    projectId: input.projectId,
    before: existing
      ? {
          chosenLevel: existing.chosenLevel,
          recommendedLevel: existing.recommendedLevel,
          justification: existing.justification,
        }
      : undefined,
    after: {
      ...w.subject,
      answers: input.answers,
      recommendedLevel: after.recommendedLevel,
      chosenLevel: after.chosenLevel,
      justification: after.justification,
    },
  });
  if (decision.belowRecommendation && existing?.chosenLevel !== after.chosenLevel) {
    const owners = await tx
      .select({ userId: projectMembers.userId })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, input.projectId), eq(projectMembers.role, "client_owner")));
    await notify(tx, ctx.actor.id, {
      userIds: owners.map((o) => o.userId),
      projectId: input.projectId,
      kind: "quality_below_recommendation",
      title: w.belowNotice.title.replace("%chosen", after.chosenLevel).replace("%recommended", after.recommendedLevel),
      params: {
        ...("sprintNumber" in w.subject ? { sprint: w.subject.sprintNumber } : { release: w.subject.releaseNumber }),
        chosen: after.chosenLevel,
        recommended: after.recommendedLevel,
      },
      href: w.belowNotice.href,
    });
  }
  return after;
}

export async function selectQuality(db: Db, ctx: RequestContext, input: SelectQualityInput) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "quality.select",
    load: (tx) => loadSprint(tx, input.projectId, input.sprintId),
    run: async (scope) => {
      const { tx, target: sprint } = scope;
      const escapedDefects = await recentEscapedDefects(tx, input.projectId, sprint.number);
      const { scale, level: recommended, reasons } = await recommendationFrom(tx, input.answers, escapedDefects);
      const decision = decideSelection({
        sprintStatus: sprint.status,
        levels: toLevels(scale),
        recommended: recommended.level,
        chosen: input.chosenLevel,
        justification: input.justification,
      });
      if (!decision.ok) refused(decision.refusal);
      return await writeSelection(scope, {
        input,
        existing: await first(tx.select().from(qualitySelections).where(eq(qualitySelections.sprintId, sprint.id))),
        target: { sprintId: sprint.id },
        recommendation: { scale, recommended, reasons },
        decision,
        subject: { sprintNumber: sprint.number },
        belowNotice: {
          title: `Sprint ${sprint.number} is tested to %chosen, below the recommended %recommended`,
          href: `/projects/${input.projectId}/sprints/${sprint.id}#quality`,
        },
      });
    },
  });
}

export type RecordEvidenceInput = {
  projectId: string;
  sprintId: string;
  activityKey: string;
  result: EvidenceResult;
  reason: string;
  link: string;
  /** A report file: same rules as artifact uploads (size, type allow-list, SHA-256, generated name). */
  upload?: { fileName: string; bytes: Buffer };
};

export async function recordEvidence(db: Db, ctx: RequestContext, input: RecordEvidenceInput) {
  const check = async (tx: DbOrTx) => {
    const sprint = await loadSprint(tx, input.projectId, input.sprintId);
    // Evidence for an inherited standard is recorded on the release's selection: it counts for every sprint inheriting
    // it.
    const { selection, release } = await governingSelectionRow(tx, sprint);
    if (!selection) {
      throw new AppError(
        "rule_refused",
        "Choose the sprint's quality standard before recording evidence.",
        "no_quality_selection",
        undefined,
        { problem: "noSprintQualitySelection" },
      );
    }
    const decision = decideEvidence({
      sprintStatus: sprint.status,
      activityKeys: selection.activities.map((a) => a.key),
      activityKey: input.activityKey,
      result: input.result,
      reason: input.reason,
      hasProof: Boolean(input.link || input.upload),
    });
    if (!decision.ok) refused(decision.refusal);
    return { sprint, selection, release };
  };
  // Authorize and check the rule before touching the disk, then again inside the command.
  await requireProjectPermission(db, ctx.actor, input.projectId, "quality.select");
  await check(db);
  let stored: StoredFile | null = null;
  if (input.upload) stored = storeUpload(input.upload.fileName, input.upload.bytes);
  try {
    return await projectCommand(db, ctx, {
      projectId: input.projectId,
      permission: "quality.select",
      run: async ({ tx, audit }) => {
        const { sprint, selection, release } = await check(tx);
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
            sprintNumber: sprint.number,
            ...(release ? { inheritedFromRelease: release.number } : {}),
            activityKey: created.activityKey,
            result: created.result,
            reason: created.reason,
            link: created.link,
            fileName: created.fileName,
            sha256: created.sha256,
          },
        });
        // Failed evidence feeds the project's health.
        await refreshProjectHealth(tx, input.projectId);
        return created;
      },
    });
  } catch (error) {
    if (stored) discardUpload(stored.storedName);
    throw error;
  }
}

/** Defects found in production after a sprint; they raise later sprints' recommendations. */
export async function recordEscapedDefects(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; sprintId: string; escapedDefects: number; expectedVersion?: number },
) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "quality.select",
    load: (tx) => loadSprint(tx, input.projectId, input.sprintId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, target: sprint, audit }) => {
      const after = await first(
        tx
          .update(sprints)
          .set({ escapedDefects: input.escapedDefects, version: sprint.version + 1 })
          .where(
            and(eq(sprints.id, sprint.id), eq(sprints.projectId, input.projectId), eq(sprints.version, sprint.version)),
          )
          .returning(),
      );
      if (!after) throw staleVersion();
      audit({
        action: "sprint.escaped_defects.record",
        objectType: "sprint",
        objectId: sprint.id,
        before: { escapedDefects: sprint.escapedDefects },
        after: { escapedDefects: after.escapedDefects, sprintNumber: sprint.number },
      });
      return after;
    },
  });
}

/**
 * The contract with the sprint workflow: what the chosen standard still lacks before the
 * sprint review. Call inside the sprint command's transaction; empty when complete.
 */
export async function missingQualityEvidence(tx: DbOrTx, sprintId: string): Promise<MissingItem[]> {
  const sprint = await first(
    tx
      .select({ id: sprints.id, projectId: sprints.projectId, releaseId: sprints.releaseId })
      .from(sprints)
      .where(eq(sprints.id, sprintId)),
  );
  const selection = sprint ? (await governingSelectionRow(tx, sprint)).selection : null;
  if (!selection) return missingEvidence(null, []);
  const evidence = await tx
    .select({
      activityKey: qualityEvidence.activityKey,
      result: qualityEvidence.result,
      recordedAt: qualityEvidence.recordedAt,
    })
    .from(qualityEvidence)
    .where(eq(qualityEvidence.selectionId, selection.id))
    .orderBy(asc(qualityEvidence.recordedAt));
  return missingEvidence(selection, evidence);
}
