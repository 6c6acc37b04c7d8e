import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { getScopeItem, removeScopeItem, updateScopeItem } from "@/lib/data/roadmap";
import { scopeItemJson } from "@/lib/data/delivery-views";
import { removeScopeItemSchema, updateScopeItemSchema } from "@/lib/validation/roadmap";

type Params = { projectId: string; scopeItemId: string };

/** Changes an item (all fields, as on the form); after the baseline `reason` is required. */
export const PATCH = apiRoute<Params>(async (request, ctx, { projectId, scopeItemId }) => {
  const input = await readJson(request, updateScopeItemSchema.omit({ projectId: true, scopeItemId: true }));
  return scopeItemJson(await updateScopeItem(getDb(), ctx, { ...input, projectId, scopeItemId }));
});

/** Removes an item from the scope (kept as dropped, with its change log). */
export const DELETE = apiRoute<Params>(async (request, ctx, { projectId, scopeItemId }) => {
  const input = await readJson(request, removeScopeItemSchema.omit({ projectId: true, scopeItemId: true }));
  await removeScopeItem(getDb(), ctx, { ...input, projectId, scopeItemId });
  return new Response(null, { status: 204 });
});

export const GET = apiRoute<Params>(async (_request, ctx, { projectId, scopeItemId }) =>
  scopeItemJson(await getScopeItem(getDb(), ctx.actor, projectId, scopeItemId)),
);
