import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { enableWebhookOp } from "@/lib/contract/webhooks";
import { enableWebhook } from "@/lib/data/webhooks";

export const POST = route(
  enableWebhookOp,
  async ({ ctx, params }) => await enableWebhook(getDb(), ctx, params.webhookId),
);
