import { getDb } from "@/db/client";
import { apiRoute, validate } from "@/lib/api";
import { removeBoardSeat } from "@/lib/data/gate-board";
import { uuid } from "@/lib/validation/common";
import { gateNumber } from "@/lib/validation/gates";

export const DELETE = apiRoute<{ projectId: string; number: string; userId: string }>(async (_request, ctx, params) => {
  await removeBoardSeat(getDb(), ctx, {
    projectId: params.projectId,
    number: validate(gateNumber, params.number),
    userId: validate(uuid, params.userId),
  });
  return new Response(null, { status: 204 });
});
