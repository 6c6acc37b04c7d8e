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

export const planSprintAction = formAction(planSprintSchema, (ctx, input) => {
  const { sprint, warnings } = planSprint(getDb(), ctx, input);
  refresh(input.projectId);
  return { sprintId: sprint.id, number: sprint.number, warnings };
});

export const updateSprintPlanAction = formAction(updateSprintPlanSchema, (ctx, input) => {
  const { warnings } = updateSprintPlan(getDb(), ctx, input);
  refresh(input.projectId);
  return { warnings };
});

export const startSprintAction = formAction(sprintCommandSchema, (ctx, input) => {
  startSprint(getDb(), ctx, input);
  refresh(input.projectId);
});

export const submitReviewAction = formAction(sprintCommandSchema, (ctx, input) => {
  const { warnings } = submitSprintForReview(getDb(), ctx, input);
  refresh(input.projectId);
  return { warnings };
});

export const reopenSprintAction = formAction(sprintCommandSchema, (ctx, input) => {
  reopenSprint(getDb(), ctx, input);
  refresh(input.projectId);
});

export const recordDeploymentAction = formAction(deploymentSchema, (ctx, input) => {
  recordDeployment(getDb(), ctx, input);
  refresh(input.projectId);
});

export const acceptanceAction = formAction(acceptanceSchema, (ctx, input) => {
  decideSprintAcceptance(getDb(), ctx, input);
  refresh(input.projectId);
  return { decision: input.decision };
});
