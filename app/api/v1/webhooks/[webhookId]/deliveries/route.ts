import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { listWebhookDeliveriesOp } from "@/lib/contract/webhooks";
import { listWebhookDeliveries } from "@/lib/data/webhook-deliveries";

export const GET = route(
  listWebhookDeliveriesOp,
  async ({ ctx, params, query }) => await listWebhookDeliveries(getDb(), ctx.actor, params.webhookId, query),
);
