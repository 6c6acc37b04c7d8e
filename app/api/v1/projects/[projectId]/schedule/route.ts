import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { projectSchedule } from "@/lib/data/schedule";
import { ganttDefinition, normalizeSchedule } from "@/lib/domain/schedule";

// The macro schedule as data and as the mermaid Gantt the Schedule tab draws.
export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const { project, items } = await projectSchedule(getDb(), ctx.actor, projectId);
  const rows = normalizeSchedule(items);
  return { items: rows, mermaid: ganttDefinition(`${project.name}: macro schedule`, rows) };
});
