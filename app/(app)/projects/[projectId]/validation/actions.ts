"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import {
  addValidationScenario,
  closeValidationRun,
  moveValidationScenario,
  openValidationRun,
  recordScenarioResult,
  removeValidationScenario,
} from "@/lib/data/validation-runs";
import { formAction } from "@/lib/guard";
import {
  addValidationScenarioInput,
  closeValidationRunInput,
  moveValidationScenarioInput,
  openValidationRunInput,
  recordScenarioResultInput,
  removeValidationScenarioInput,
} from "@/lib/contract/validation-runs";

// The go-live readiness reads the runs too.
const refresh = (projectId: string) => {
  revalidatePath(`/projects/${projectId}/validation`);
  revalidatePath(`/projects/${projectId}/go-live`);
};

export const openRunAction = formAction(openValidationRunInput, async (ctx, input) => {
  await openValidationRun(getDb(), ctx, input);
  refresh(input.projectId);
});

export const addScenarioAction = formAction(addValidationScenarioInput, async (ctx, input) => {
  await addValidationScenario(getDb(), ctx, input);
  refresh(input.projectId);
});

export const removeScenarioAction = formAction(removeValidationScenarioInput, async (ctx, input) => {
  await removeValidationScenario(getDb(), ctx, input);
  refresh(input.projectId);
});

export const moveScenarioAction = formAction(moveValidationScenarioInput, async (ctx, input) => {
  await moveValidationScenario(getDb(), ctx, input);
  refresh(input.projectId);
});

export const recordResultAction = formAction(recordScenarioResultInput, async (ctx, input) => {
  await recordScenarioResult(getDb(), ctx, input);
  refresh(input.projectId);
});

export const closeRunAction = formAction(closeValidationRunInput, async (ctx, input) => {
  const run = await closeValidationRun(getDb(), ctx, input);
  refresh(input.projectId);
  return { status: run.status };
});
