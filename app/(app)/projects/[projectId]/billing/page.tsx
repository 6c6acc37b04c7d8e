import type { Metadata } from "next";
import Link from "next/link";
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
import { formatDate } from "@/lib/display-format";

export const metadata: Metadata = { title: "Billing" };

const exact = (cents: number, currency: string) => {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
};

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
  if (!billing) {
    return (
      <EmptyState title="Billing is not available to you">
        Only the project manager and the client owner see this project&apos;s payment milestones.
      </EmptyState>
    );
  }
  const { terms, milestones, totals, canManage } = billing;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">Billing</h2>
          <p className="text-sm text-slate-600">
            Pay per delivered work: a sprint&apos;s milestone becomes billable when the client owner accepts it,{" "}
            {terms.billingMode === "per_day"
              ? `at ${exact(terms.dayRate, terms.currency)} per accepted person-day.`
              : `at a fixed ${exact(terms.fixedSprintAmount, terms.currency)} per sprint.`}
          </p>
        </div>
        <a className={buttonClass("secondary")} href={`/api/v1/projects/${projectId}/billing.csv`} download>
          Export CSV
        </a>
      </div>

      <MilestoneTotals totals={totals} />

      <Card title="Payment milestones">
        {milestones.length ? (
          <Table caption="Payment milestones">
            <thead>
              <tr>
                <Th>Sprint</Th>
                <Th>Status</Th>
                <Th className="text-right">Amount</Th>
                <Th>Invoice</Th>
                <Th>Billable</Th>
                <Th>Paid</Th>
                {canManage ? (
                  <Th>
                    <span className="sr-only">Actions</span>
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
                      Sprint {m.sprintNumber}
                    </Link>
                    <span className="block text-xs text-slate-600">{m.sprintGoal}</span>
                  </Td>
                  <Td>
                    <StatusBadge status={m.status} />
                  </Td>
                  <Td className="whitespace-nowrap text-right">
                    {m.status === "pending" ? (
                      <span className="text-slate-500" title="Estimated from the committed scope">
                        ≈ {exact(m.amount, m.currency)}
                      </span>
                    ) : (
                      exact(m.amount, m.currency)
                    )}
                  </Td>
                  <Td>{m.invoiceReference ?? "—"}</Td>
                  <Td className="whitespace-nowrap">{formatDate(m.billableAt)}</Td>
                  <Td className="whitespace-nowrap">{formatDate(m.paidAt)}</Td>
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
          <EmptyState title="No milestones yet">
            Every planned sprint gets a payment milestone; it becomes billable at the client&apos;s acceptance.
          </EmptyState>
        )}
      </Card>

      {canManage ? (
        <Card title="Billing terms">
          <BillingTermsForm projectId={projectId} terms={terms} />
        </Card>
      ) : null}
    </div>
  );
}
