"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createSite, moveGuardian, nominateGuardian, withdrawGuardian } from "@/lib/data/guardians";
import { action, formAction } from "@/lib/guard";
import { createSiteInput, nominateGuardianInput } from "@/lib/contract/guardians";
import { moveGuardianSchema, withdrawGuardianSchema } from "@/lib/validation/readiness";

// Go-live readiness and the escalation form read guardian statuses too.
const refresh = (projectId: string) => {
  revalidatePath(`/projects/${projectId}/guardians`, "layout");
  revalidatePath(`/projects/${projectId}/escalations`);
  revalidatePath(`/projects/${projectId}/go-live`);
};

export const createSiteAction = formAction(createSiteInput, async (ctx, input) => {
  await createSite(getDb(), ctx, input);
  refresh(input.projectId);
});

export const nominateGuardianAction = formAction(nominateGuardianInput, async (ctx, input) => {
  await nominateGuardian(getDb(), ctx, input);
  refresh(input.projectId);
});

export const withdrawGuardianAction = action(withdrawGuardianSchema, async (ctx, input) => {
  await withdrawGuardian(getDb(), ctx, input);
  refresh(input.projectId);
});

export const moveGuardianAction = formAction(moveGuardianSchema, async (ctx, input) => {
  await moveGuardian(getDb(), ctx, input);
  refresh(input.projectId);
});
