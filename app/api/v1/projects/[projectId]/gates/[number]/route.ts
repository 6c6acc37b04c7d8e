import { getDb } from "@/db/client";
import { apiRoute, validate } from "@/lib/api";
import { gateDetail } from "@/lib/data/gate-views";
import { gateNumber } from "@/lib/validation/gates";

export const GET = apiRoute<{ projectId: string; number: string }>((_request, ctx, params) => {
  const detail = gateDetail(getDb(), ctx.actor, params.projectId, validate(gateNumber, params.number));
  return { ...detail.gate, rounds: detail.rounds };
});
