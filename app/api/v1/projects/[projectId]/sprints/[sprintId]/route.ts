import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { getSprint } from "@/lib/data/sprints";
import { sprintDetailJson } from "@/lib/data/delivery-views";

export const GET = apiRoute<{ projectId: string; sprintId: string }>((_request, ctx, { projectId, sprintId }) =>
  sprintDetailJson(getSprint(getDb(), ctx.actor, projectId, sprintId)),
);
