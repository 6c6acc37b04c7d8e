import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card } from "@/components/ui/card";
import { eventChoices } from "@/app/(app)/admin/webhooks/event-type-words";
import { RegisterWebhookForm } from "@/app/(app)/admin/webhooks/register-webhook-form";
import { WebhookList } from "@/app/(app)/admin/webhooks/webhook-list";
import { listWebhooks } from "@/lib/data/webhooks";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

/** The project's endpoints, for its project managers (anyone else: not found). */
export default async function ProjectWebhooksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const webhooks = await orNotFound(() => listWebhooks(getDb(), actor, { projectId }));
  const t = await getTranslations("webhooks");
  const events = await eventChoices();
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold text-slate-900">{t("title")}</h2>
        <p className="mt-1 max-w-prose text-sm text-slate-600">{t("projectIntro")}</p>
      </div>
      <WebhookList webhooks={webhooks} hrefOf={(w) => `/projects/${projectId}/webhooks/${w.id}`} showProject={false} />
      <Card title={t("registerTitle")}>
        <RegisterWebhookForm events={events} projectId={projectId} />
      </Card>
    </div>
  );
}
