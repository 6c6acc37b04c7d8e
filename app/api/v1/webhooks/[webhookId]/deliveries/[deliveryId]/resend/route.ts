import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { resendWebhookDeliveryOp } from "@/lib/contract/webhooks";
import { resendWebhookDelivery } from "@/lib/data/webhook-deliveries";

export const POST = route(resendWebhookDeliveryOp, async ({ ctx, params }) => {
  await resendWebhookDelivery(getDb(), ctx, params.webhookId, params.deliveryId);
  return new Response(null, { status: 204 });
});
