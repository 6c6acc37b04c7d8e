"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { generateStatusReport } from "@/lib/data/status-reports";
import { formAction } from "@/lib/guard";
import { generateStatusReportInput } from "@/lib/contract/status-reports";

export const generateReportAction = formAction(generateStatusReportInput, async (ctx, input) => {
  const report = await generateStatusReport(getDb(), ctx, input);
  revalidatePath(`/projects/${input.projectId}/reports`);
  return report;
});
