import { getDb } from "@/db/client";
import { apiRoute, pageParams, readJson, validate } from "@/lib/api";
import { addScopeItem, listScopeItems } from "@/lib/data/roadmap";
import { scopeItemJson } from "@/lib/data/delivery-views";
import { addScopeItemSchema, scopeListQuery } from "@/lib/validation/roadmap";

export const GET = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const { limit, cursor } = pageParams(request, 50);
  const url = new URL(request.url);
  const query = validate(scopeListQuery, {
    releaseId: url.searchParams.get("releaseId") ?? undefined,
    category: url.searchParams.get("category") ?? undefined,
    status: url.searchParams.get("status") ?? undefined,
    q: url.searchParams.get("q") ?? undefined,
    limit,
  });
  const page = await listScopeItems(getDb(), ctx.actor, projectId, { ...query, cursor });
  return { items: page.items.map(scopeItemJson), nextCursor: page.nextCursor };
});

const body = addScopeItemSchema.omit({ projectId: true });

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, body);
  const item = await addScopeItem(getDb(), ctx, { ...input, projectId });
  return Response.json(scopeItemJson(item), { status: 201, headers: { "cache-control": "no-store" } });
});
