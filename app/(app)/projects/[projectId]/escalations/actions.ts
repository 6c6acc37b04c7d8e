"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { raiseEscalation, triageEscalation } from "@/lib/data/escalations";
import { formAction } from "@/lib/guard";
import { raiseEscalationSchema, triageEscalationSchema } from "@/lib/validation/readiness";

// Open blocking escalations hold go-live back.
const refresh = (projectId: string) => {
  revalidatePath(`/projects/${projectId}/escalations`);
  revalidatePath(`/projects/${projectId}/go-live`);
};

export const raiseEscalationAction = formAction(raiseEscalationSchema, async (ctx, input) => {
  await raiseEscalation(getDb(), ctx, input);
  refresh(input.projectId);
});

export const triageEscalationAction = formAction(triageEscalationSchema, async (ctx, input) => {
  await triageEscalation(getDb(), ctx, input);
  refresh(input.projectId);
});
