import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { changeScopeItemOp, getScopeItemOp, removeScopeItemOp } from "@/lib/contract/roadmap";
import { scopeItemJson } from "@/lib/data/delivery-views";
import { getScopeItem, removeScopeItem, updateScopeItem } from "@/lib/data/roadmap";

export const GET = route(getScopeItemOp, async ({ ctx, params }) =>
  scopeItemJson(await getScopeItem(getDb(), ctx.actor, params.projectId, params.scopeItemId)),
);

/** Changes an item (all fields, as on the form); after the baseline `reason` is required. */
export const PATCH = route(changeScopeItemOp, async ({ ctx, params, body }) =>
  scopeItemJson(await updateScopeItem(getDb(), ctx, { ...body, ...params })),
);

/** Removes an item from the scope (kept as dropped, with its change log). */
export const DELETE = route(removeScopeItemOp, async ({ ctx, params, body }) => {
  await removeScopeItem(getDb(), ctx, { ...body, ...params });
  return new Response(null, { status: 204 });
});
