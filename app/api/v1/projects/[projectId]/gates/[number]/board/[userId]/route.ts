import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { removeBoardSeatOp } from "@/lib/contract/gates";
import { removeBoardSeat } from "@/lib/data/gate-board";

export const DELETE = route(removeBoardSeatOp, async ({ ctx, params }) => {
  await removeBoardSeat(getDb(), ctx, params);
  return new Response(null, { status: 204 });
});
