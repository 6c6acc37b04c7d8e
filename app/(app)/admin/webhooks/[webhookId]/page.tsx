import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { WebhookDetail } from "../webhook-detail";
import { listWebhookDeliveries } from "@/lib/data/webhook-deliveries";
import { getWebhook } from "@/lib/data/webhooks";
import { orNotFound } from "@/lib/page";
import { requireAdminPage } from "../../require-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

export default async function AdminWebhookPage({
  params,
  searchParams,
}: {
  params: Promise<{ webhookId: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const actor = await requireAdminPage();
  const { webhookId } = await params;
  const { cursor } = await searchParams;
  const webhook = await orNotFound(() => getWebhook(getDb(), actor, webhookId));
  const deliveries = await orNotFound(() => listWebhookDeliveries(getDb(), actor, webhookId, { limit: 20, cursor }));
  const here = `/admin/webhooks/${webhook.id}`;
  return (
    <WebhookDetail
      webhook={webhook}
      deliveries={deliveries}
      listHref="/admin/webhooks"
      olderHref={deliveries.nextCursor ? `${here}?cursor=${encodeURIComponent(deliveries.nextCursor)}` : null}
      newestHref={cursor ? here : null}
    />
  );
}
