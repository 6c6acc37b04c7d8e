import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getGoLiveOp } from "@/lib/contract/go-live";
import { getGoLive } from "@/lib/data/go-live-readiness";

export const GET = route(getGoLiveOp, async ({ ctx, params }) => await getGoLive(getDb(), ctx.actor, params.projectId));
