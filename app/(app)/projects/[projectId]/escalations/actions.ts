"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { raiseEscalation, triageEscalation } from "@/lib/data/escalations";
import { formAction } from "@/lib/guard";
import { raiseEscalationInput, triageEscalationInput } from "@/lib/contract/escalations";

// Open blocking escalations hold go-live back.
const refresh = (projectId: string) => {
  revalidatePath(`/projects/${projectId}/escalations`);
  revalidatePath(`/projects/${projectId}/go-live`);
};

export const raiseEscalationAction = formAction(raiseEscalationInput, async (ctx, input) => {
  await raiseEscalation(getDb(), ctx, input);
  refresh(input.projectId);
});

export const triageEscalationAction = formAction(triageEscalationInput, async (ctx, input) => {
  await triageEscalation(getDb(), ctx, input);
  refresh(input.projectId);
});
