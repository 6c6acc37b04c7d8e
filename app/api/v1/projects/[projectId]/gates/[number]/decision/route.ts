import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { decideGateOp } from "@/lib/contract/gates";
import { gateJson } from "@/lib/data/gate-views";
import { decideGate } from "@/lib/data/gates";

export const POST = route(decideGateOp, async ({ ctx, params, body }) => {
  await decideGate(getDb(), ctx, { ...body, ...params });
  return await gateJson(getDb(), ctx.actor, params);
});
