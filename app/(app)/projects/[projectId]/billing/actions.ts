"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { invoiceMilestone, markMilestonePaid, updateBillingTerms } from "@/lib/data/billing";
import { formAction } from "@/lib/guard";
import { billingTermsSchema, invoiceMilestoneSchema, payMilestoneSchema } from "@/lib/validation/billing";

const refresh = (projectId: string) => {
  revalidatePath(`/projects/${projectId}/billing`);
  revalidatePath("/billing");
};

export const updateTermsAction = formAction(billingTermsSchema, async (ctx, input) => {
  await updateBillingTerms(getDb(), ctx, input);
  refresh(input.projectId);
});

export const invoiceMilestoneAction = formAction(invoiceMilestoneSchema, async (ctx, input) => {
  await invoiceMilestone(getDb(), ctx, input);
  refresh(input.projectId);
});

export const payMilestoneAction = formAction(payMilestoneSchema, async (ctx, input) => {
  await markMilestonePaid(getDb(), ctx, input);
  refresh(input.projectId);
});
