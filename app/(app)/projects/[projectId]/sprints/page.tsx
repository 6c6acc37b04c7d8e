import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { EstimateTrail } from "@/components/estimate-trail";
import { StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { estimateTrail } from "@/lib/data/estimates";
import { listReleases, plannableScopeItems } from "@/lib/data/roadmap";
import { listSprints } from "@/lib/data/sprints";
import { formatDate, formatMoney } from "@/lib/display-format";
import { addDays } from "@/lib/domain/estimate";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { SprintPlanForm } from "./sprint-forms";

export const metadata: Metadata = { title: "Sprints" };

export default async function SprintsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const db = getDb();
  const { access, sprints } = await orNotFound(async () => await listSprints(db, actor, projectId));
  const canPlan = access.can("sprint.plan");
  const trail = await estimateTrail(db, actor, projectId);
  const billing = access.can("billing.view");
  const today = new Date().toISOString().slice(0, 10);
  const lastEnd = sprints[0]?.endDate;
  const start = lastEnd && lastEnd >= today ? addDays(lastEnd, 1) : today;

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">Sprints</h2>
        <p className="text-sm text-slate-600">
          Each sprint ships an MVP increment to production, is tested to its chosen quality standard and is paid when
          the client owner accepts it.
        </p>
      </div>

      <Card title="All sprints">
        {sprints.length ? (
          <Table caption="Sprints of this project">
            <thead>
              <tr>
                <Th>Sprint</Th>
                <Th>Goal</Th>
                <Th>Dates</Th>
                <Th className="text-right">Committed / capacity (d)</Th>
                <Th>Status</Th>
                {billing ? <Th>Milestone</Th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sprints.map((s) => (
                <tr key={s.id}>
                  <Td className="whitespace-nowrap font-medium">
                    <Link className="text-brand-700 underline" href={`/projects/${projectId}/sprints/${s.id}`}>
                      Sprint {s.number}
                    </Link>
                    {/* On a phone the status column is off-screen: repeat it here. */}
                    <span className="mt-1 block sm:hidden">
                      <StatusBadge status={s.status} />
                    </span>
                  </Td>
                  <Td className="min-w-56">{s.goal}</Td>
                  <Td className="whitespace-nowrap">
                    {formatDate(s.startDate)} – {formatDate(s.endDate)}
                  </Td>
                  <Td className="text-right">
                    {Math.round(s.committedDays * 10) / 10} / {s.capacityDays}
                  </Td>
                  <Td>
                    <StatusBadge status={s.status} />
                  </Td>
                  {billing ? (
                    <Td className="whitespace-nowrap">
                      {s.milestone ? (
                        <>
                          <StatusBadge status={s.milestone.status} />{" "}
                          <span className="text-slate-700">
                            {formatMoney(s.milestone.amount, s.milestone.currency)}
                          </span>
                        </>
                      ) : (
                        "—"
                      )}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState title="No sprints yet">
            {canPlan
              ? "Plan the first sprint below from the roadmap's scope items."
              : "The project manager has not planned a sprint yet."}
          </EmptyState>
        )}
      </Card>

      {canPlan ? (
        <Card title="Plan a sprint">
          <SprintPlanForm
            projectId={projectId}
            items={await plannableScopeItems(db, actor, projectId, null)}
            releases={(await listReleases(db, actor, projectId)).map((r) => ({
              id: r.id,
              label: `${r.number}. ${r.name}`,
            }))}
            defaults={{ startDate: start, endDate: addDays(start, 13) }}
          />
        </Card>
      ) : null}

      <EstimateTrail trail={trail} />
    </div>
  );
}
