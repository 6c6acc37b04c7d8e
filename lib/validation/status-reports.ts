import { z } from "zod";
import { uuid } from "@/lib/validation/common";

/** Generating a report takes no fields besides the project (from the path or a hidden form field). */
export const generateStatusReportSchema = z.object({ projectId: uuid });
export const generateStatusReportBody = z.object({}).strict();

/** A safe attachment name: letters, digits and dashes only. */
export function reportFileName(projectName: string, isoWeek: string): string {
  const slug = projectName
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .replace(/-+/g, "-")
    .slice(0, 60);
  return `status-report-${slug || "project"}-${isoWeek.replace(/[^\w-]/g, "")}.md`;
}
