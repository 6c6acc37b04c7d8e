import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { setPlannedDate } from "@/lib/data/gate-board";
import { gateDetail } from "@/lib/data/gate-views";
import { expectedVersion } from "@/lib/validation/common";
import { gateNumber, plannedDateSchema } from "@/lib/validation/gates";

export const GET = apiRoute<{ projectId: string; number: string }>(async (_request, ctx, params) => {
  const detail = await gateDetail(getDb(), ctx.actor, params.projectId, validate(gateNumber, params.number));
  return { ...detail.gate, rounds: detail.rounds };
});

/** Plans the gate: `plannedDate` (YYYY-MM-DD or null), optionally against `expectedVersion`. */
export const PATCH = apiRoute<{ projectId: string; number: string }>(async (request, ctx, params) => {
  const number = validate(gateNumber, params.number);
  const input = await readJson(request, plannedDateSchema.extend({ expectedVersion }));
  await setPlannedDate(getDb(), ctx, { projectId: params.projectId, number, ...input });
  const detail = await gateDetail(getDb(), ctx.actor, params.projectId, number);
  return { ...detail.gate, rounds: detail.rounds };
});
