import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { configureAcceptanceOp } from "@/lib/contract/go-live";
import { configureAcceptance } from "@/lib/data/go-live-acceptance";
import { getGoLive } from "@/lib/data/go-live-readiness";

/** Sets or (before anyone signed) replaces the statement and the required signers. */
export const PUT = route(configureAcceptanceOp, async ({ ctx, params, body }) => {
  await configureAcceptance(getDb(), ctx, { ...body, ...params });
  return await getGoLive(getDb(), ctx.actor, params.projectId);
});
