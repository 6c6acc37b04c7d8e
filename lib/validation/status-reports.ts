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
