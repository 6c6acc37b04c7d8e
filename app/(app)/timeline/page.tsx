import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { portfolioGantt } from "@/lib/data/portfolio-gantt";
import { byMonth, portfolioTimeline } from "@/lib/data/schedule";
import { gateOutcome } from "@/lib/domain/timeline-chart";
import { requireActor } from "@/lib/session";
import { formatDate, formatMonth } from "@/lib/display-format";
import { PortfolioChart } from "./portfolio-chart";

export const metadata: Metadata = { title: "Portfolio timeline" };

export default async function TimelinePage() {
  const actor = await requireActor();
  const db = getDb();
  const timeline = await portfolioTimeline(db, actor);
  const months = byMonth(timeline.entries);
  const gantt = await portfolioGantt(db, actor);
  return (
    <>
      <PageHeader
        title="Portfolio timeline"
        description={
          "Every gate of your running projects, planned against decided, month by month; then what " + "comes up next."
        }
      />
      <section aria-labelledby="chart-heading" className="mb-8 space-y-3">
        <h2 id="chart-heading" className="text-lg font-semibold text-slate-900">
          Gates, planned against decided
        </h2>
        {gantt.rows.length === 0 ? (
          <EmptyState title="No running project">Projects you can see appear here once they are active.</EmptyState>
        ) : (
          <>
            <PortfolioChart rows={gantt.rows} window={gantt.window} today={gantt.today} />
            {gantt.total > gantt.rows.length ? (
              <p className="text-sm text-slate-600">
                Showing the {gantt.rows.length} projects going live soonest of {gantt.total}; the portfolio on the{" "}
                <Link href="/dashboard" className="text-brand-700 underline">
                  dashboard
                </Link>{" "}
                lists them all.
              </p>
            ) : null}
            <details className="rounded-lg border border-slate-200 bg-white px-3 py-2">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">The chart as a table</summary>
              <Table caption="Gates of the running projects, planned and decided" className="mt-2">
                <thead>
                  <tr>
                    <Th>Project</Th>
                    <Th>Gate</Th>
                    <Th>Planned</Th>
                    <Th>Decided</Th>
                    <Th>Outcome</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {gantt.rows.flatMap((row) =>
                    row.gates.map((g) => (
                      <tr key={`${row.id}-${g.number}`}>
                        <Td>{row.name}</Td>
                        <Td>
                          Gate {g.number}: {g.name}
                        </Td>
                        <Td className="whitespace-nowrap">{formatDate(g.plannedDate)}</Td>
                        <Td className="whitespace-nowrap">{formatDate(g.decidedAt)}</Td>
                        <Td>
                          {
                            {
                              passed: "Go",
                              conditional: "Conditional go",
                              stopped: "Hold or kill",
                              open: g.current ? "Current gate" : "Not decided",
                            }[gateOutcome(g.decision, g.status)]
                          }
                        </Td>
                      </tr>
                    )),
                  )}
                </tbody>
              </Table>
            </details>
          </>
        )}
      </section>
      <h2 className="mb-1 text-lg font-semibold text-slate-900">Coming up</h2>
      <p className="mb-3 text-sm text-slate-600">
        Upcoming gates and target go-lives, {formatDate(timeline.from)} to {formatDate(timeline.until)}. Overdue current
        gates are listed first.
      </p>
      {months.length === 0 ? (
        <EmptyState title="Nothing upcoming">
          No gate or go-live is planned in the next twelve months for the projects you can see.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {months.map(([month, entries]) => (
            <section key={month} aria-labelledby={`m-${month}`}>
              <h3 id={`m-${month}`} className="mb-2 text-base font-semibold text-slate-900">
                {formatMonth(month)} <span className="font-normal text-slate-600">({entries.length})</span>
              </h3>
              <Table caption={`Gates and go-lives in ${formatMonth(month)}`}>
                <thead>
                  <tr>
                    <Th className="w-32">Date</Th>
                    <Th className="w-[38%]">Milestone</Th>
                    <Th className="w-[34%]">Project</Th>
                    <Th>Client</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {entries.map((e) => (
                    <tr key={`${e.projectId}-${e.kind}-${e.label}`}>
                      <Td className="whitespace-nowrap">{formatDate(e.date)}</Td>
                      <Td>
                        {e.kind === "go_live" ? <Badge tone="success">Go-live</Badge> : <span>{e.label}</span>}
                        {e.overdue ? (
                          <>
                            {" "}
                            <Badge tone="danger">Overdue</Badge>
                          </>
                        ) : null}
                      </Td>
                      <Td>
                        <Link href={`/projects/${e.projectId}/schedule`} className="text-brand-700 hover:underline">
                          {e.projectName}
                        </Link>
                      </Td>
                      <Td>{e.clientName}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
