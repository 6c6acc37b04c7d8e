import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { submitGateOp } from "@/lib/contract/gates";
import { gateJson } from "@/lib/data/gate-views";
import { submitGate } from "@/lib/data/gates";

export const POST = route(submitGateOp, async ({ ctx, params, body }) => {
  await submitGate(getDb(), ctx, { ...body, ...params });
  return await gateJson(getDb(), ctx.actor, params);
});
