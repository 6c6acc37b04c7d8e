import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getEstimateTrailOp } from "@/lib/contract/roadmap";
import { estimateTrail } from "@/lib/data/estimates";

/** The estimate trail (a point per baseline and sprint close), its burn-up and the slip against the target. */
export const GET = route(getEstimateTrailOp, async ({ ctx, params }) => {
  const trail = await estimateTrail(getDb(), ctx.actor, params.projectId);
  return {
    targetGoLive: trail.targetGoLive,
    points: trail.points,
    burnUp: trail.summary.burnUp,
    slipDays: trail.summary.slipDays,
    vsTargetDays: trail.summary.vsTargetDays,
  };
});
