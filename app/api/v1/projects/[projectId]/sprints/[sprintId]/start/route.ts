import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { getSprint, startSprint } from "@/lib/data/sprints";
import { sprintDetailJson } from "@/lib/data/delivery-views";
import { expectedVersion } from "@/lib/validation/common";

export const POST = apiRoute<{ projectId: string; sprintId: string }>(async (request, ctx, { projectId, sprintId }) => {
  const input = await readJson(request, z.object({ expectedVersion }));
  const { warnings } = await startSprint(getDb(), ctx, { ...input, projectId, sprintId });
  return { ...sprintDetailJson(await getSprint(getDb(), ctx.actor, projectId, sprintId)), warnings };
});
