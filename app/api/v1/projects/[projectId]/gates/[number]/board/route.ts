import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { gateBoard, setBoardSeat } from "@/lib/data/gate-board";
import { boardSeatSchema, gateNumber } from "@/lib/validation/gates";

export const GET = apiRoute<{ projectId: string; number: string }>(
  async (_request, ctx, params) =>
    await gateBoard(getDb(), ctx.actor, params.projectId, validate(gateNumber, params.number)),
);

export const POST = apiRoute<{ projectId: string; number: string }>(async (request, ctx, params) => {
  const number = validate(gateNumber, params.number);
  const input = await readJson(request, boardSeatSchema);
  await setBoardSeat(getDb(), ctx, { projectId: params.projectId, number, ...input });
  return await gateBoard(getDb(), ctx.actor, params.projectId, number);
});
