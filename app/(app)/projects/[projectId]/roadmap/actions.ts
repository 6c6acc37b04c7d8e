"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { addScopeItem, createRelease, removeScopeItem, updateRelease, updateScopeItem } from "@/lib/data/roadmap";
import { approveBaseline, freezeBaseline } from "@/lib/data/scope-baselines";
import { formAction } from "@/lib/guard";
import {
  addScopeItemInput,
  changeScopeItemInput,
  createReleaseInput,
  removeScopeItemInput,
  scopeBaselineInput,
} from "@/lib/contract/roadmap";
import { updateReleaseSchema } from "@/lib/validation/roadmap";

// Scope feeds the sprint planner and the estimate; the baseline freeze touches the gates page.
const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export const createReleaseAction = formAction(createReleaseInput, async (ctx, input) => {
  await createRelease(getDb(), ctx, input);
  refresh(input.projectId);
});

export const updateReleaseAction = formAction(updateReleaseSchema, async (ctx, input) => {
  await updateRelease(getDb(), ctx, input);
  refresh(input.projectId);
});

export const addScopeItemAction = formAction(addScopeItemInput, async (ctx, input) => {
  await addScopeItem(getDb(), ctx, input);
  refresh(input.projectId);
});

export const updateScopeItemAction = formAction(changeScopeItemInput, async (ctx, input) => {
  await updateScopeItem(getDb(), ctx, input);
  refresh(input.projectId);
});

export const removeScopeItemAction = formAction(removeScopeItemInput, async (ctx, input) => {
  await removeScopeItem(getDb(), ctx, input);
  refresh(input.projectId);
});

export const approveBaselineAction = formAction(scopeBaselineInput, async (ctx, input) => {
  const baseline = await approveBaseline(getDb(), ctx, input);
  refresh(input.projectId);
  return { version: baseline.version };
});

export const freezeBaselineAction = formAction(scopeBaselineInput, async (ctx, input) => {
  const frozen = await freezeBaseline(getDb(), ctx, input);
  refresh(input.projectId);
  return frozen;
});
