import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import type { WebhookDeliveryView } from "@/lib/data/webhook-deliveries";
import type { WebhookView } from "@/lib/data/webhooks";
import { getFormat } from "@/lib/i18n/format-server";
import { eventTypeWords } from "./event-type-words";
import { ResendButton, WebhookControls } from "./webhook-controls";
import { webhookStatusWords } from "./webhook-list";

/** One endpoint: what it receives, its controls, and its delivery log with every attempt. */
export async function WebhookDetail({
  webhook,
  deliveries,
  listHref,
  olderHref,
  newestHref,
}: {
  webhook: WebhookView;
  deliveries: { items: WebhookDeliveryView[]; nextCursor: string | null };
  listHref: string;
  /** The next page of the log; null on the last page. */
  olderHref: string | null;
  /** The first page, when this is not it. */
  newestHref: string | null;
}) {
  const t = await getTranslations("webhooks");
  const format = await getFormat();
  const status = (await webhookStatusWords())(webhook);
  const eventWords = await eventTypeWords();
  const target = { webhookId: webhook.id, projectId: webhook.projectId };
  const deliveryStatus = {
    delivered: { tone: "success" as const, label: t("deliveryDelivered") },
    pending: { tone: "warning" as const, label: t("deliveryPending") },
    failed: { tone: "danger" as const, label: t("deliveryFailed") },
  };
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={listHref} className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={<span className="font-mono text-lg break-all">{webhook.url}</span>}
        description={webhook.description || undefined}
      />
      <Card title={t("settingsTitle")}>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium text-slate-700">{t("colStatus")}</dt>
            <dd className="mt-1">
              <Badge tone={status.tone}>{status.label}</Badge>
              {status.why ? <span className="ml-2 text-slate-700">{status.why}</span> : null}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">{t("colProject")}</dt>
            <dd className="mt-1">{webhook.projectName ?? t("everyProject")}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="font-medium text-slate-700">{t("colEvents")}</dt>
            <dd className="mt-1">
              {webhook.events.includes("*") ? (
                t("eventsAll")
              ) : (
                <ul className="flex flex-wrap gap-1.5">
                  {webhook.events.map((e) => (
                    <li key={e}>
                      <Badge>
                        <span title={eventWords(e)}>{e}</span>
                      </Badge>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
        <div className="mt-3 text-sm text-slate-700">
          {t("registeredBy", { name: webhook.ownerName ?? "—", date: format.date(webhook.createdAt) })}
          {webhook.previousSecretUntil && webhook.previousSecretUntil > new Date().toISOString() ? (
            <p className="mt-1">{t("previousUntil", { until: format.dateTime(webhook.previousSecretUntil) })}</p>
          ) : null}
        </div>
        <div className="mt-4">
          <WebhookControls target={target} disabled={Boolean(webhook.disabledAt)} />
        </div>
      </Card>
      <Card title={t("deliveriesTitle")}>
        {deliveries.items.length === 0 ? (
          <p className="text-sm text-slate-700">{t("deliveriesEmpty")}</p>
        ) : (
          <Table caption={t("deliveriesCaption")}>
            <thead>
              <tr>
                <Th>{t("colTime")}</Th>
                <Th>{t("colEvent")}</Th>
                <Th>{t("colResult")}</Th>
                <Th>{t("colStatusCode")}</Th>
                <Th>{t("colDuration")}</Th>
                <Th>{t("colAttempt")}</Th>
                <Th>
                  <span className="sr-only">{t("resend")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {deliveries.items.map((d) => {
                const last = d.attemptLog[0];
                const s = deliveryStatus[d.status];
                return (
                  <tr key={d.id} data-testid="webhook-delivery">
                    <Td className="whitespace-nowrap">{format.dateTime(last?.at ?? d.createdAt)}</Td>
                    <Td>
                      <span className="font-mono text-xs">{d.eventType}</span>
                      <p className="text-xs text-slate-600">{eventWords(d.eventType)}</p>
                    </Td>
                    <Td>
                      <Badge tone={s.tone}>{s.label}</Badge>
                      {d.lastError && d.status !== "delivered" ? (
                        <p className="mt-1 max-w-xs text-xs break-words text-slate-700">{d.lastError}</p>
                      ) : null}
                      {d.nextAttemptAt ? (
                        <p className="text-xs text-slate-600">
                          {t("nextAttempt", { time: format.dateTime(d.nextAttemptAt) })}
                        </p>
                      ) : null}
                      {d.attemptLog.length > 1 ? (
                        <details className="mt-1 text-xs">
                          <summary>{t("attemptsLog", { count: d.attemptLog.length })}</summary>
                          <ul className="mt-1 space-y-0.5">
                            {d.attemptLog.map((a) => (
                              <li key={a.attempt}>
                                {t("attemptLine", {
                                  attempt: a.attempt,
                                  time: format.dateTime(a.at),
                                  code: a.statusCode ?? "—",
                                  ms: a.durationMs,
                                })}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </Td>
                    <Td>{last?.statusCode ?? (last ? t("noAnswer") : "—")}</Td>
                    <Td className="whitespace-nowrap">{last ? t("durationMs", { ms: last.durationMs }) : "—"}</Td>
                    <Td>{d.attempts}</Td>
                    <Td>
                      {webhook.disabledAt ? null : (
                        <ResendButton
                          target={target}
                          deliveryId={d.id}
                          label={t("resendLabel", { event: d.eventType, time: format.dateTime(d.createdAt) })}
                        />
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        {olderHref || newestHref ? (
          <nav className="mt-3 flex gap-3 text-sm" aria-label={t("deliveriesPages")}>
            {newestHref ? (
              <Link href={newestHref} className="text-brand-700 underline">
                {t("newest")}
              </Link>
            ) : null}
            {olderHref ? (
              <Link href={olderHref} className="text-brand-700 underline">
                {t("older")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
