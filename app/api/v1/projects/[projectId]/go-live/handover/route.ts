import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { recordHandoverOp } from "@/lib/contract/go-live";
import { recordHandover } from "@/lib/data/go-live-handover";
import { getGoLive } from "@/lib/data/go-live-readiness";

/** Records the handover to the helpdesk; the project becomes live. */
export const POST = route(recordHandoverOp, async ({ ctx, params, body }) => {
  await recordHandover(getDb(), ctx, { ...body, ...params });
  return await getGoLive(getDb(), ctx.actor, params.projectId);
});
