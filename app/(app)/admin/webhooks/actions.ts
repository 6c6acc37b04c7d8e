"use server";

// The webhook screens' actions (admin area and a project's Webhooks section): each validates with
// the API's own schemas and calls the same data functions as the API, which authorize per object.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { webhookBody, webhookPath } from "@/lib/contract/webhooks";
import { resendWebhookDelivery, sendWebhookTest } from "@/lib/data/webhook-deliveries";
import { deleteWebhook, enableWebhook, registerWebhook, rotateWebhookSecret } from "@/lib/data/webhooks";
import { action } from "@/lib/guard";
import { webhooksHref } from "@/lib/outbox/webhook-channel";

const refresh = (projectId: string | null) => revalidatePath(webhooksHref(projectId), "layout");

export const registerWebhookAction = action(webhookBody, async (ctx, input) => {
  const { webhook, secret } = await registerWebhook(getDb(), ctx, input);
  refresh(webhook.projectId);
  return { id: webhook.id, secret };
});

const onWebhook = webhookPath.extend({ projectId: z.uuid().nullable() });

export const rotateWebhookSecretAction = action(onWebhook, async (ctx, { webhookId, projectId }) => {
  const rotated = await rotateWebhookSecret(getDb(), ctx, webhookId);
  refresh(projectId);
  return rotated;
});

export const deleteWebhookAction = action(onWebhook, async (ctx, { webhookId, projectId }) => {
  await deleteWebhook(getDb(), ctx, webhookId);
  refresh(projectId);
  return webhooksHref(projectId);
});

export const enableWebhookAction = action(onWebhook, async (ctx, { webhookId, projectId }) => {
  await enableWebhook(getDb(), ctx, webhookId);
  refresh(projectId);
});

export const sendWebhookTestAction = action(onWebhook, async (ctx, { webhookId, projectId }) => {
  await sendWebhookTest(getDb(), ctx, webhookId);
  refresh(projectId);
});

export const resendWebhookDeliveryAction = action(
  onWebhook.extend({ deliveryId: z.uuid() }),
  async (ctx, { webhookId, projectId, deliveryId }) => {
    await resendWebhookDelivery(getDb(), ctx, webhookId, deliveryId);
    refresh(projectId);
  },
);
