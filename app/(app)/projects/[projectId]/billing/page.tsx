import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { MilestoneTotals } from "@/components/milestone-totals";
import { StatusBadge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { projectBilling } from "@/lib/data/billing";
import { AppError } from "@/lib/errors";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { BillingTermsForm, InvoiceDialog, MarkPaidButton } from "./billing-forms";
import { getFormat } from "@/lib/i18n/format-server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projectBilling");
  return { title: t("title") };
}

async function load(projectId: string, actor: Awaited<ReturnType<typeof requireActor>>) {
  try {
    return await orNotFound(async () => await projectBilling(getDb(), actor, projectId));
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") return null;
    throw error;
  }
}

export default async function ProjectBillingPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const billing = await load(projectId, actor);
  const t = await getTranslations("projectBilling");
  if (!billing) {
    return <EmptyState title={t("notAvailableTitle")}>{t("notAvailableBody")}</EmptyState>;
  }
  const format = await getFormat();
  // Rates and amounts to the cent: a day rate of 812.50 must not read as 813.
  const exact = (cents: number, currency: string) => format.money(cents, currency, { cents: true });
  const { terms, milestones, totals, canManage } = billing;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
          <p className="text-sm text-slate-600">
            {terms.billingMode === "per_day"
              ? t("introPerDay", { rate: exact(terms.dayRate, terms.currency) })
              : t("introFixed", { amount: exact(terms.fixedSprintAmount, terms.currency) })}
          </p>
        </div>
        <a className={buttonClass("secondary")} href={`/api/v1/projects/${projectId}/billing.csv`} download>
          {t("exportCsv")}
        </a>
      </div>

      <MilestoneTotals totals={totals} />

      <Card title={t("milestones")}>
        {milestones.length ? (
          <Table caption={t("milestones")}>
            <thead>
              <tr>
                <Th>{t("sprint")}</Th>
                <Th>{t("status")}</Th>
                <Th className="text-right">{t("amount")}</Th>
                <Th>{t("invoice")}</Th>
                <Th>{t("billable")}</Th>
                <Th>{t("paid")}</Th>
                {canManage ? (
                  <Th>
                    <span className="sr-only">{t("actions")}</span>
                  </Th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {milestones.map((m) => (
                <tr key={m.id}>
                  <Td className="min-w-48">
                    <Link
                      className="font-medium text-brand-700 underline"
                      href={`/projects/${projectId}/sprints/${m.sprintId}`}
                    >
                      {t("sprintNumber", { number: m.sprintNumber })}
                    </Link>
                    <span className="block text-xs text-slate-600">{m.sprintGoal}</span>
                  </Td>
                  <Td>
                    <StatusBadge status={m.status} />
                  </Td>
                  <Td className="whitespace-nowrap text-right">
                    {m.status === "pending" ? (
                      <span className="text-slate-500" title={t("estimated")}>
                        ≈ {exact(m.amount, m.currency)}
                      </span>
                    ) : (
                      exact(m.amount, m.currency)
                    )}
                  </Td>
                  <Td>{m.invoiceReference ?? "—"}</Td>
                  <Td className="whitespace-nowrap">{format.date(m.billableAt)}</Td>
                  <Td className="whitespace-nowrap">{format.date(m.paidAt)}</Td>
                  {canManage ? (
                    <Td>
                      {m.status === "billable" ? (
                        <InvoiceDialog
                          projectId={projectId}
                          milestoneId={m.id}
                          version={m.version}
                          sprintNumber={m.sprintNumber}
                        />
                      ) : null}
                      {m.status === "invoiced" ? (
                        <MarkPaidButton
                          projectId={projectId}
                          milestoneId={m.id}
                          version={m.version}
                          sprintNumber={m.sprintNumber}
                        />
                      ) : null}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState title={t("noMilestonesTitle")}>{t("noMilestonesBody")}</EmptyState>
        )}
      </Card>

      {canManage ? (
        <Card title={t("terms")}>
          <BillingTermsForm projectId={projectId} terms={terms} />
        </Card>
      ) : null}
    </div>
  );
}
