import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { MilestoneTotals } from "@/components/milestone-totals";
import { StatusBadge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { MILESTONE_STATUSES } from "@/db/schema";
import { portfolioBilling } from "@/lib/data/billing";
import { getFormat } from "@/lib/i18n/format-server";
import { isVendor } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portfolioBilling");
  return { title: t("title") };
}

export default async function PortfolioBillingPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requireActor();
  const { status: raw } = await searchParams;
  const t = await getTranslations("portfolioBilling");
  if (!isVendor(actor)) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState title={t("notAvailableTitle")}>{t("notAvailableBody")}</EmptyState>
      </>
    );
  }
  const status = MILESTONE_STATUSES.find((s) => s === raw);
  const { totals, milestones } = await portfolioBilling(getDb(), actor, { status, limit: 500 });
  const format = await getFormat();
  const statusName = { pending: t("pending"), billable: t("billable"), invoiced: t("invoiced"), paid: t("paid") };
  const heading = {
    pending: t("pendingMilestones"),
    billable: t("billableMilestones"),
    invoiced: t("invoicedMilestones"),
    paid: t("paidMilestones"),
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={actor.role === "admin" ? t("descriptionAdmin") : t("descriptionStaff")}
        actions={
          <a className={buttonClass("secondary")} href="/api/v1/billing.csv" download>
            {t("exportCsv")}
          </a>
        }
      />
      <MilestoneTotals totals={totals} />
      <nav aria-label={t("filterByStatus")} className="flex flex-wrap gap-2">
        {[undefined, ...MILESTONE_STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `/billing?status=${s}` : "/billing"}
            aria-current={s === status ? "page" : undefined}
            className={buttonClass(s === status ? "primary" : "secondary", "sm")}
          >
            {s ? statusName[s] : t("all")}
          </Link>
        ))}
      </nav>
      <Card title={status ? heading[status] : t("allMilestones")}>
        {milestones.length ? (
          <Table caption={t("tableCaption")}>
            <thead>
              <tr>
                <Th>{t("project")}</Th>
                <Th className="hidden sm:table-cell">{t("client")}</Th>
                <Th>{t("sprint")}</Th>
                <Th>{t("status")}</Th>
                <Th className="text-right">{t("amount")}</Th>
                <Th className="hidden md:table-cell">{t("invoice")}</Th>
                <Th className="hidden md:table-cell">{t("billable")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {milestones.map((m) => (
                <tr key={m.id}>
                  <Td className="min-w-40">
                    <Link className="text-brand-700 underline" href={`/projects/${m.projectId}/billing`}>
                      {m.projectName}
                    </Link>
                    <span className="block text-xs text-slate-600 sm:hidden">{m.clientName}</span>
                  </Td>
                  <Td className="hidden sm:table-cell">{m.clientName}</Td>
                  <Td className="whitespace-nowrap">{t("sprintNumber", { number: m.sprintNumber })}</Td>
                  <Td>
                    <StatusBadge status={m.status} />
                  </Td>
                  <Td className="whitespace-nowrap text-right">{format.money(m.amount, m.currency)}</Td>
                  <Td className="hidden md:table-cell">{m.invoiceReference ?? "—"}</Td>
                  <Td className="hidden whitespace-nowrap md:table-cell">{format.date(m.billableAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState title={t("noMilestonesTitle")}>{status ? t("noneWithStatus") : t("noMilestonesBody")}</EmptyState>
        )}
      </Card>
    </div>
  );
}
