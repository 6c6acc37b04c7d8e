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
  changeSprintPlanInput,
  planSprintInput,
  recordDeploymentInput,
  sprintAcceptanceInput,
  sprintCommandInput,
} from "@/lib/contract/sprints";

// A sprint's state shows on the roadmap, billing, quality and overview pages too.
const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export const planSprintAction = formAction(planSprintInput, async (ctx, input) => {
  const { sprint, warnings } = await planSprint(getDb(), ctx, input);
  refresh(input.projectId);
  return { sprintId: sprint.id, number: sprint.number, warnings };
});

export const updateSprintPlanAction = formAction(changeSprintPlanInput, async (ctx, input) => {
  const { warnings } = await updateSprintPlan(getDb(), ctx, input);
  refresh(input.projectId);
  return { warnings };
});

export const startSprintAction = formAction(sprintCommandInput, async (ctx, input) => {
  await startSprint(getDb(), ctx, input);
  refresh(input.projectId);
});

export const submitReviewAction = formAction(sprintCommandInput, async (ctx, input) => {
  const { warnings } = await submitSprintForReview(getDb(), ctx, input);
  refresh(input.projectId);
  return { warnings };
});

export const reopenSprintAction = formAction(sprintCommandInput, async (ctx, input) => {
  await reopenSprint(getDb(), ctx, input);
  refresh(input.projectId);
});

export const recordDeploymentAction = formAction(recordDeploymentInput, async (ctx, input) => {
  await recordDeployment(getDb(), ctx, input);
  refresh(input.projectId);
});

export const acceptanceAction = formAction(sprintAcceptanceInput, async (ctx, input) => {
  await decideSprintAcceptance(getDb(), ctx, input);
  refresh(input.projectId);
  return { decision: input.decision };
});
