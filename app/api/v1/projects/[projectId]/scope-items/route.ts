import { getDb } from "@/db/client";
import { Answer, route } from "@/lib/api";
import { addScopeItemOp, listScopeItemsOp } from "@/lib/contract/roadmap";
import { scopeItemJson } from "@/lib/data/delivery-views";
import { addScopeItem, listScopeItems } from "@/lib/data/roadmap";

export const GET = route(listScopeItemsOp, async ({ ctx, params, query }) => {
  const page = await listScopeItems(getDb(), ctx.actor, params.projectId, query);
  return { items: page.items.map(scopeItemJson), nextCursor: page.nextCursor };
});

export const POST = route(addScopeItemOp, async ({ ctx, params, body }) => {
  const item = await addScopeItem(getDb(), ctx, { ...body, ...params });
  return new Answer(scopeItemJson(item), { location: `/api/v1/projects/${params.projectId}/scope-items/${item.id}` });
});
