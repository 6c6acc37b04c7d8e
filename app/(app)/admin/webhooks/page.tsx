import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { eventChoices } from "./event-type-words";
import { RegisterWebhookForm } from "./register-webhook-form";
import { WebhookList } from "./webhook-list";
import { listWebhooks, webhookProjectChoices } from "@/lib/data/webhooks";
import { requireAdminPage } from "../require-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

/** Every endpoint of the installation; an administrator registers one for every project or one project. */
export default async function AdminWebhooksPage() {
  const actor = await requireAdminPage();
  const t = await getTranslations("webhooks");
  const [webhooks, projects, events] = await Promise.all([
    listWebhooks(getDb(), actor),
    webhookProjectChoices(getDb(), actor),
    eventChoices(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <WebhookList webhooks={webhooks} hrefOf={(w) => `/admin/webhooks/${w.id}`} showProject />
      <Card title={t("registerTitle")}>
        <RegisterWebhookForm events={events} projects={projects.map((p) => ({ value: p.id, label: p.name }))} />
      </Card>
    </div>
  );
}
