"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import {
  createWave,
  recordMigrationRun,
  saveRaci,
  startWaveMigration,
  updateMigrationPlan,
  updateWave,
} from "@/lib/data/migration";
import { action, formAction } from "@/lib/guard";
import { uuid } from "@/lib/validation/common";
import { createWaveInput, recordMigrationRunInput } from "@/lib/contract/migration";
import { saveRaciSchema, startMigrationSchema, updatePlanSchema, updateWaveSchema } from "@/lib/validation/migration";

const project = { projectId: uuid };
const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export const updatePlanAction = formAction(updatePlanSchema.extend(project), async (ctx, { projectId, ...input }) => {
  await updateMigrationPlan(getDb(), ctx, projectId, input);
  refresh(projectId);
});

export const saveRaciAction = formAction(saveRaciSchema.extend(project), async (ctx, { projectId, ...input }) => {
  await saveRaci(getDb(), ctx, projectId, input);
  refresh(projectId);
});

export const createWaveAction = formAction(createWaveInput, async (ctx, { projectId, ...input }) => {
  await createWave(getDb(), ctx, projectId, input);
  refresh(projectId);
});

export const updateWaveAction = formAction(updateWaveSchema.extend(project), async (ctx, { projectId, ...input }) => {
  await updateWave(getDb(), ctx, projectId, input);
  refresh(projectId);
});

export const recordRunAction = formAction(recordMigrationRunInput, async (ctx, { projectId, ...input }) => {
  const { waveStatus, reconciliation } = await recordMigrationRun(getDb(), ctx, projectId, input);
  refresh(projectId);
  return { waveStatus, reconciliation: reconciliation.result, reasons: reconciliation.reasons };
});

export const startMigrationAction = action(
  startMigrationSchema.extend(project),
  async (ctx, { projectId, ...input }) => {
    await startWaveMigration(getDb(), ctx, projectId, input);
    refresh(projectId);
  },
);
