"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { addScopeItem, createRelease, removeScopeItem, updateRelease, updateScopeItem } from "@/lib/data/roadmap";
import { approveBaseline, freezeBaseline } from "@/lib/data/scope-baselines";
import { formAction } from "@/lib/guard";
import {
  addScopeItemSchema,
  baselineSchema,
  releaseSchema,
  removeScopeItemSchema,
  updateReleaseSchema,
  updateScopeItemSchema,
} from "@/lib/validation/roadmap";

// Scope feeds the sprint planner and the estimate; the baseline freeze touches the gates page.
const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export const createReleaseAction = formAction(releaseSchema, (ctx, input) => {
  createRelease(getDb(), ctx, input);
  refresh(input.projectId);
});

export const updateReleaseAction = formAction(updateReleaseSchema, (ctx, input) => {
  updateRelease(getDb(), ctx, input);
  refresh(input.projectId);
});

export const addScopeItemAction = formAction(addScopeItemSchema, (ctx, input) => {
  addScopeItem(getDb(), ctx, input);
  refresh(input.projectId);
});

export const updateScopeItemAction = formAction(updateScopeItemSchema, (ctx, input) => {
  updateScopeItem(getDb(), ctx, input);
  refresh(input.projectId);
});

export const removeScopeItemAction = formAction(removeScopeItemSchema, (ctx, input) => {
  removeScopeItem(getDb(), ctx, input);
  refresh(input.projectId);
});

export const approveBaselineAction = formAction(baselineSchema, (ctx, input) => {
  const baseline = approveBaseline(getDb(), ctx, input);
  refresh(input.projectId);
  return { version: baseline.version };
});

export const freezeBaselineAction = formAction(baselineSchema, (ctx, input) => {
  const frozen = freezeBaseline(getDb(), ctx, input);
  refresh(input.projectId);
  return frozen;
});
