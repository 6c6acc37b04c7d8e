import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { MilestoneTotals } from "@/components/milestone-totals";
import { StatusBadge, humanize } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { MILESTONE_STATUSES } from "@/db/schema";
import { portfolioBilling } from "@/lib/data/billing";
import { formatDate, formatMoney } from "@/lib/display-format";
import { isVendor } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Billing" };

export default async function PortfolioBillingPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requireActor();
  const { status: raw } = await searchParams;
  if (!isVendor(actor)) {
    return (
      <>
        <PageHeader title="Billing" />
        <EmptyState title="Not available">
          The portfolio billing view is for the vendor team. Client owners find their milestones on their project&apos;s
          Billing tab.
        </EmptyState>
      </>
    );
  }
  const status = MILESTONE_STATUSES.find((s) => s === raw);
  const { totals, milestones } = await portfolioBilling(getDb(), actor, { status, limit: 500 });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Billing"
        description={
          actor.role === "admin"
            ? "Payment milestones of every project."
            : "Payment milestones of the projects you manage."
        }
        actions={
          <a className={buttonClass("secondary")} href="/api/v1/billing.csv" download>
            Export CSV
          </a>
        }
      />
      <MilestoneTotals totals={totals} />
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
        {[undefined, ...MILESTONE_STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `/billing?status=${s}` : "/billing"}
            aria-current={s === status ? "page" : undefined}
            className={buttonClass(s === status ? "primary" : "secondary", "sm")}
          >
            {s ? humanize(s) : "All"}
          </Link>
        ))}
      </nav>
      <Card title={status ? `${humanize(status)} milestones` : "All milestones"}>
        {milestones.length ? (
          <Table caption="Payment milestones across the portfolio">
            <thead>
              <tr>
                <Th>Project</Th>
                <Th className="hidden sm:table-cell">Client</Th>
                <Th>Sprint</Th>
                <Th>Status</Th>
                <Th className="text-right">Amount</Th>
                <Th className="hidden md:table-cell">Invoice</Th>
                <Th className="hidden md:table-cell">Billable</Th>
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
                  <Td className="whitespace-nowrap">Sprint {m.sprintNumber}</Td>
                  <Td>
                    <StatusBadge status={m.status} />
                  </Td>
                  <Td className="whitespace-nowrap text-right">{formatMoney(m.amount, m.currency)}</Td>
                  <Td className="hidden md:table-cell">{m.invoiceReference ?? "—"}</Td>
                  <Td className="hidden whitespace-nowrap md:table-cell">{formatDate(m.billableAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState title="No milestones">
            {status ? "None with this status." : "Milestones appear as sprints are planned."}
          </EmptyState>
        )}
      </Card>
    </div>
  );
}
