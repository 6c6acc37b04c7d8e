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
  addScenarioSchema,
  closeRunSchema,
  moveScenarioSchema,
  openRunSchema,
  recordResultSchema,
  removeScenarioSchema,
} from "@/lib/validation/validation-runs";

// The go-live readiness reads the runs too.
const refresh = (projectId: string) => {
  revalidatePath(`/projects/${projectId}/validation`);
  revalidatePath(`/projects/${projectId}/go-live`);
};

export const openRunAction = formAction(openRunSchema, (ctx, input) => {
  openValidationRun(getDb(), ctx, input);
  refresh(input.projectId);
});

export const addScenarioAction = formAction(addScenarioSchema, (ctx, input) => {
  addValidationScenario(getDb(), ctx, input);
  refresh(input.projectId);
});

export const removeScenarioAction = formAction(removeScenarioSchema, (ctx, input) => {
  removeValidationScenario(getDb(), ctx, input);
  refresh(input.projectId);
});

export const moveScenarioAction = formAction(moveScenarioSchema, (ctx, input) => {
  moveValidationScenario(getDb(), ctx, input);
  refresh(input.projectId);
});

export const recordResultAction = formAction(recordResultSchema, (ctx, input) => {
  recordScenarioResult(getDb(), ctx, input);
  refresh(input.projectId);
});

export const closeRunAction = formAction(closeRunSchema, (ctx, input) => {
  const run = closeValidationRun(getDb(), ctx, input);
  refresh(input.projectId);
  return { status: run.status };
});
