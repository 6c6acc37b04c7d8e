import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { meetCondition } from "@/lib/data/gates";
import { uuid } from "@/lib/validation/common";
import { meetConditionSchema } from "@/lib/validation/gates";

/** Closes a decision's condition as met; the note is kept in the audit trail. */
export const POST = apiRoute<{ projectId: string; conditionId: string }>(async (request, ctx, params) => {
  const conditionId = validate(uuid, params.conditionId);
  const { note } = await readJson(request, meetConditionSchema.omit({ conditionId: true }));
  const condition = await meetCondition(getDb(), ctx, { projectId: params.projectId, conditionId, note });
  return {
    id: condition.id,
    text: condition.text,
    ownerId: condition.ownerId,
    dueDate: condition.dueDate,
    status: condition.status,
    closedAt: condition.closedAt,
    note,
  };
});
