import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getGateOp, planGateOp } from "@/lib/contract/gates";
import { setPlannedDate } from "@/lib/data/gate-board";
import { gateJson } from "@/lib/data/gate-views";

export const GET = route(getGateOp, async ({ ctx, params }) => await gateJson(getDb(), ctx.actor, params));

export const PATCH = route(planGateOp, async ({ ctx, params, body }) => {
  const planned = await setPlannedDate(getDb(), ctx, { ...body, ...params });
  return await gateJson(getDb(), ctx.actor, params, planned);
});
