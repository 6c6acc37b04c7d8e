import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { listEscalationsOp, raiseEscalationOp } from "@/lib/contract/escalations";
import { pageEscalations, raiseEscalation } from "@/lib/data/escalations";

/** Newest first, paginated with `?limit=&cursor=`. */
export const GET = route(
  listEscalationsOp,
  async ({ ctx, params, query }) => await pageEscalations(getDb(), ctx.actor, params.projectId, query),
);

export const POST = route(
  raiseEscalationOp,
  async ({ ctx, params, body }) => await raiseEscalation(getDb(), ctx, { ...body, ...params }),
);
