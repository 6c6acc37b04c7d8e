import { getDb } from "@/db/client";
import { Answer, route } from "@/lib/api";
import { listWebhooksOp, registerWebhookOp } from "@/lib/contract/webhooks";
import { listWebhooks, registerWebhook } from "@/lib/data/webhooks";

export const GET = route(listWebhooksOp, async ({ ctx, query }) => ({
  items: await listWebhooks(getDb(), ctx.actor, { projectId: query.projectId }),
}));

export const POST = route(registerWebhookOp, async ({ ctx, body }) => {
  const { webhook, secret } = await registerWebhook(getDb(), ctx, body);
  return new Answer({ ...webhook, secret }, { location: `/api/v1/webhooks/${webhook.id}` });
});
