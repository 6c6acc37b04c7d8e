import { getDb } from "@/db/client";
import { apiRoute, pageParams, validate } from "@/lib/api";
import { listProjectAudit } from "@/lib/data/audit-trail";
import { auditFilterSchema } from "@/lib/validation/audit";

/** The project's audit events, newest first: `?limit&cursor` plus optional filters. */
export const GET = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const { limit, cursor } = pageParams(request, 50);
  const url = new URL(request.url);
  const filter = validate(auditFilterSchema, {
    action: url.searchParams.get("action") ?? undefined,
    actor: url.searchParams.get("actor") ?? undefined,
    objectType: url.searchParams.get("objectType") ?? undefined,
    from: url.searchParams.get("from") ?? undefined,
    to: url.searchParams.get("to") ?? undefined,
    q: url.searchParams.get("q") ?? undefined,
  });
  const page = await listProjectAudit(getDb(), ctx.actor, projectId, { ...filter, limit, cursor });
  return { items: page.items, nextCursor: page.nextCursor };
});
