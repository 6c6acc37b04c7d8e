import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { byMonth, portfolioTimeline } from "@/lib/data/schedule";
import { requireActor } from "@/lib/session";
import { formatDate, formatMonth } from "@/lib/display-format";

export const metadata: Metadata = { title: "Portfolio timeline" };

export default async function TimelinePage() {
  const actor = await requireActor();
  const timeline = portfolioTimeline(getDb(), actor);
  const months = byMonth(timeline.entries);
  return (
    <>
      <PageHeader
        title="Portfolio timeline"
        description={`Upcoming gates and target go-lives of your active projects, ${formatDate(timeline.from)} to ${formatDate(timeline.until)}. Overdue current gates are listed first.`}
      />
      {months.length === 0 ? (
        <EmptyState title="Nothing upcoming">No gate or go-live is planned in the next twelve months for the projects you can see.</EmptyState>
      ) : (
        <div className="space-y-6">
          {months.map(([month, entries]) => (
            <section key={month} aria-labelledby={`m-${month}`}>
              <h2 id={`m-${month}`} className="mb-2 text-base font-semibold text-slate-900">
                {formatMonth(month)} <span className="font-normal text-slate-600">({entries.length})</span>
              </h2>
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
