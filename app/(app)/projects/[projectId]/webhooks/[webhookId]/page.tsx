import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { WebhookDetail } from "@/app/(app)/admin/webhooks/webhook-detail";
import { listWebhookDeliveries } from "@/lib/data/webhook-deliveries";
import { getWebhook } from "@/lib/data/webhooks";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

export default async function ProjectWebhookPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; webhookId: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { projectId, webhookId } = await params;
  const { cursor } = await searchParams;
  const actor = await requireActor();
  const webhook = await orNotFound(() => getWebhook(getDb(), actor, webhookId));
  if (webhook.projectId !== projectId) notFound();
  const deliveries = await orNotFound(() => listWebhookDeliveries(getDb(), actor, webhookId, { limit: 20, cursor }));
  const list = `/projects/${projectId}/webhooks`;
  const here = `${list}/${webhook.id}`;
  return (
    <WebhookDetail
      webhook={webhook}
      deliveries={deliveries}
      listHref={list}
      olderHref={deliveries.nextCursor ? `${here}?cursor=${encodeURIComponent(deliveries.nextCursor)}` : null}
      newestHref={cursor ? here : null}
    />
  );
}
