import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { getGoLive } from "@/lib/data/go-live-readiness";

export const GET = apiRoute<{ projectId: string }>(
  async (_request, ctx, { projectId }) => await getGoLive(getDb(), ctx.actor, projectId),
);
