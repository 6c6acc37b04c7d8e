"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createWave, recordMigrationRun, saveRaci, startWaveMigration, updateMigrationPlan, updateWave } from "@/lib/data/migration";
import { action, formAction } from "@/lib/guard";
import { uuid } from "@/lib/validation/common";
import { createWaveSchema, recordRunSchema, saveRaciSchema, startMigrationSchema, updatePlanSchema, updateWaveSchema } from "@/lib/validation/migration";

const project = { projectId: uuid };
const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export const updatePlanAction = formAction(updatePlanSchema.extend(project), (ctx, { projectId, ...input }) => {
  updateMigrationPlan(getDb(), ctx, projectId, input);
  refresh(projectId);
});

export const saveRaciAction = formAction(saveRaciSchema.extend(project), (ctx, { projectId, ...input }) => {
  saveRaci(getDb(), ctx, projectId, input);
  refresh(projectId);
});

export const createWaveAction = formAction(createWaveSchema.extend(project), (ctx, { projectId, ...input }) => {
  createWave(getDb(), ctx, projectId, input);
  refresh(projectId);
});

export const updateWaveAction = formAction(updateWaveSchema.extend(project), (ctx, { projectId, ...input }) => {
  updateWave(getDb(), ctx, projectId, input);
  refresh(projectId);
});

export const recordRunAction = formAction(recordRunSchema.extend(project), (ctx, { projectId, ...input }) => {
  const { waveStatus, reconciliation } = recordMigrationRun(getDb(), ctx, projectId, input);
  refresh(projectId);
  return { waveStatus, reconciliation: reconciliation.result, reasons: reconciliation.reasons };
});

export const startMigrationAction = action(startMigrationSchema.extend(project), (ctx, { projectId, ...input }) => {
  startWaveMigration(getDb(), ctx, projectId, input);
  refresh(projectId);
});
