import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { WebhookView } from "@/lib/data/webhooks";
import { getFormat } from "@/lib/i18n/format-server";

/** An endpoint's status in words: active, or disabled and why. */
export async function webhookStatusWords() {
  const t = await getTranslations("webhooks");
  return (w: Pick<WebhookView, "disabledAt" | "disabledReason">) =>
    !w.disabledAt
      ? { tone: "success" as const, label: t("statusActive"), why: null }
      : {
          tone: "danger" as const,
          label: t("statusDisabled"),
          why: w.disabledReason === "gone" ? t("reasonGone") : t("reasonFailing"),
        };
}

/** The endpoints, each linking to its deliveries and settings; an empty state says what webhooks are for. */
export async function WebhookList({
  webhooks,
  hrefOf,
  showProject,
}: {
  webhooks: WebhookView[];
  hrefOf: (webhook: WebhookView) => string;
  showProject: boolean;
}) {
  const t = await getTranslations("webhooks");
  const format = await getFormat();
  const status = await webhookStatusWords();
  if (!webhooks.length) {
    return (
      <EmptyState title={t("emptyTitle")}>
        <p>{t("emptyBody")}</p>
      </EmptyState>
    );
  }
  return (
    <Table caption={t("listCaption")}>
      <thead>
        <tr>
          <Th>{t("colEndpoint")}</Th>
          <Th>{t("colEvents")}</Th>
          {showProject ? <Th>{t("colProject")}</Th> : null}
          <Th>{t("colStatus")}</Th>
          <Th>{t("colCreated")}</Th>
        </tr>
      </thead>
      <tbody>
        {webhooks.map((w) => {
          const s = status(w);
          return (
            <tr key={w.id}>
              <Td className="max-w-xs">
                <Link href={hrefOf(w)} className="font-mono text-xs break-all text-brand-700 underline">
                  {w.url}
                </Link>
                {w.description ? <p className="text-sm text-slate-600">{w.description}</p> : null}
              </Td>
              <Td>{w.events.includes("*") ? t("eventsAll") : t("eventsCount", { count: w.events.length })}</Td>
              {showProject ? <Td>{w.projectName ?? t("everyProject")}</Td> : null}
              <Td>
                <Badge tone={s.tone}>{s.label}</Badge>
                {s.why ? <p className="mt-1 text-xs text-slate-600">{s.why}</p> : null}
              </Td>
              <Td className="whitespace-nowrap">{format.date(w.createdAt)}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
