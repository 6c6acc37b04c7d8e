import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { testWebhookOp } from "@/lib/contract/webhooks";
import { sendWebhookTest } from "@/lib/data/webhook-deliveries";

export const POST = route(
  testWebhookOp,
  async ({ ctx, params }) => await sendWebhookTest(getDb(), ctx, params.webhookId),
);
