import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { rotateWebhookSecretOp } from "@/lib/contract/webhooks";
import { rotateWebhookSecret } from "@/lib/data/webhooks";

export const POST = route(
  rotateWebhookSecretOp,
  async ({ ctx, params }) => await rotateWebhookSecret(getDb(), ctx, params.webhookId),
);
