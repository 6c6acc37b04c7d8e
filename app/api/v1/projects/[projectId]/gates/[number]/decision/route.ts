import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { gateDetail } from "@/lib/data/gate-views";
import { decideGate } from "@/lib/data/gates";
import { decisionSchema, gateNumber } from "@/lib/validation/gates";

export const POST = apiRoute<{ projectId: string; number: string }>(async (request, ctx, params) => {
  const number = validate(gateNumber, params.number);
  const input = await readJson(request, decisionSchema);
  await decideGate(getDb(), ctx, { projectId: params.projectId, number, ...input });
  return (await gateDetail(getDb(), ctx.actor, params.projectId, number)).gate;
});
