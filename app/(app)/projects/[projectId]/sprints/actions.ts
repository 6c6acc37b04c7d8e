"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import {
  decideSprintAcceptance,
  planSprint,
  recordDeployment,
  reopenSprint,
  startSprint,
  submitSprintForReview,
  updateSprintPlan,
} from "@/lib/data/sprints";
import { formAction } from "@/lib/guard";
import {
  acceptanceSchema,
  deploymentSchema,
  planSprintSchema,
  sprintCommandSchema,
  updateSprintPlanSchema,
} from "@/lib/validation/sprints";

// A sprint's state shows on the roadmap, billing, quality and overview pages too.
const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export const planSprintAction = formAction(planSprintSchema, async (ctx, input) => {
  const { sprint, warnings } = await planSprint(getDb(), ctx, input);
  refresh(input.projectId);
  return { sprintId: sprint.id, number: sprint.number, warnings };
});

export const updateSprintPlanAction = formAction(updateSprintPlanSchema, async (ctx, input) => {
  const { warnings } = await updateSprintPlan(getDb(), ctx, input);
  refresh(input.projectId);
  return { warnings };
});

export const startSprintAction = formAction(sprintCommandSchema, async (ctx, input) => {
  await startSprint(getDb(), ctx, input);
  refresh(input.projectId);
});

export const submitReviewAction = formAction(sprintCommandSchema, async (ctx, input) => {
  const { warnings } = await submitSprintForReview(getDb(), ctx, input);
  refresh(input.projectId);
  return { warnings };
});

export const reopenSprintAction = formAction(sprintCommandSchema, async (ctx, input) => {
  await reopenSprint(getDb(), ctx, input);
  refresh(input.projectId);
});

export const recordDeploymentAction = formAction(deploymentSchema, async (ctx, input) => {
  await recordDeployment(getDb(), ctx, input);
  refresh(input.projectId);
});

export const acceptanceAction = formAction(acceptanceSchema, async (ctx, input) => {
  await decideSprintAcceptance(getDb(), ctx, input);
  refresh(input.projectId);
  return { decision: input.decision };
});
