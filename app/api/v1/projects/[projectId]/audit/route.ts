import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { listProjectAuditOp } from "@/lib/contract/projects";
import { listProjectAudit } from "@/lib/data/audit-trail";

/** The project's audit events, newest first: `?limit&cursor` plus optional filters. */
export const GET = route(listProjectAuditOp, async ({ ctx, params, query }) => {
  const page = await listProjectAudit(getDb(), ctx.actor, params.projectId, query);
  return { items: page.items, nextCursor: page.nextCursor };
});
