"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { generateStatusReport } from "@/lib/data/status-reports";
import { formAction } from "@/lib/guard";
import { generateStatusReportSchema } from "@/lib/validation/status-reports";

export const generateReportAction = formAction(generateStatusReportSchema, async (ctx, input) => {
  const report = await generateStatusReport(getDb(), ctx, input);
  revalidatePath(`/projects/${input.projectId}/reports`);
  return report;
});
