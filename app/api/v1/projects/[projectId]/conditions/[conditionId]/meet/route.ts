import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { meetConditionOp } from "@/lib/contract/gates";
import { meetCondition } from "@/lib/data/gates";

/** Closes a decision's condition as met; the note is kept in the audit trail. */
export const POST = route(meetConditionOp, async ({ ctx, params, body }) => {
  const condition = await meetCondition(getDb(), ctx, { ...body, ...params });
  return {
    id: condition.id,
    text: condition.text,
    ownerId: condition.ownerId,
    dueDate: condition.dueDate,
    status: condition.status,
    closedAt: condition.closedAt,
    note: body.note,
  };
});
