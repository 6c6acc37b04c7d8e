import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { gateDetail } from "@/lib/data/gate-views";
import { submitGate } from "@/lib/data/gates";
import { gateNumber, submitGateSchema } from "@/lib/validation/gates";

export const POST = apiRoute<{ projectId: string; number: string }>(async (request, ctx, params) => {
  const number = validate(gateNumber, params.number);
  const input = await readJson(request, submitGateSchema);
  await submitGate(getDb(), ctx, { projectId: params.projectId, number, expectedVersion: input.expectedVersion });
  return (await gateDetail(getDb(), ctx.actor, params.projectId, number)).gate;
});
