import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getGateBoardOp, seatBoardMemberOp } from "@/lib/contract/gates";
import { gateBoard, setBoardSeat } from "@/lib/data/gate-board";

export const GET = route(
  getGateBoardOp,
  async ({ ctx, params }) => await gateBoard(getDb(), ctx.actor, params.projectId, params.number),
);

export const POST = route(seatBoardMemberOp, async ({ ctx, params, body }) => {
  await setBoardSeat(getDb(), ctx, { ...body, ...params });
  return await gateBoard(getDb(), ctx.actor, params.projectId, params.number);
});
