import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { deleteWebhookOp, getWebhookOp } from "@/lib/contract/webhooks";
import { deleteWebhook, getWebhook } from "@/lib/data/webhooks";

export const GET = route(
  getWebhookOp,
  async ({ ctx, params }) => await getWebhook(getDb(), ctx.actor, params.webhookId),
);

export const DELETE = route(deleteWebhookOp, async ({ ctx, params }) => {
  await deleteWebhook(getDb(), ctx, params.webhookId);
  return new Response(null, { status: 204 });
});
