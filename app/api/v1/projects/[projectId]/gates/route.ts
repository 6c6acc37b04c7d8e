import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { listGatesOp } from "@/lib/contract/gates";
import { pageOf } from "@/lib/data/cursor";
import { listGates } from "@/lib/data/gate-views";

export const GET = route(listGatesOp, async ({ ctx, params, query }) => {
  const { access, gates } = await listGates(getDb(), ctx.actor, params.projectId, query);
  return {
    projectId: params.projectId,
    currentGate: access.project.currentGate,
    projectStatus: access.project.status,
    ...pageOf(gates, query.limit, (gate) => [gate.number]),
  };
});
