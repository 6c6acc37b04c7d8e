import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getScheduleOp } from "@/lib/contract/status-reports";
import { projectSchedule } from "@/lib/data/schedule";
import { ganttDefinition, normalizeSchedule } from "@/lib/domain/schedule";

// The macro schedule as data and as the mermaid Gantt the Schedule tab draws.
export const GET = route(getScheduleOp, async ({ ctx, params }) => {
  const { project, items } = await projectSchedule(getDb(), ctx.actor, params.projectId);
  const rows = normalizeSchedule(items);
  return { items: rows, mermaid: ganttDefinition(`${project.name}: macro schedule`, rows) };
});
