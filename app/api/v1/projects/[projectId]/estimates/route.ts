import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { estimateTrail } from "@/lib/data/estimates";

/** The estimate trail (a point per baseline and sprint close), its burn-up and the slip against the target. */
export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const trail = await estimateTrail(getDb(), ctx.actor, projectId);
  return {
    targetGoLive: trail.targetGoLive,
    points: trail.points,
    burnUp: trail.summary.burnUp,
    slipDays: trail.summary.slipDays,
    vsTargetDays: trail.summary.vsTargetDays,
  };
});
