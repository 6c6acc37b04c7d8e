import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { MermaidDiagram } from "@/components/mermaid-diagram";
import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { projectSchedule } from "@/lib/data/schedule";
import { ganttDefinition, normalizeSchedule, type ScheduleState } from "@/lib/domain/schedule";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { formatDate } from "@/lib/display-format";

export const metadata: Metadata = { title: "Macro schedule" };

const STATE: Record<ScheduleState, { label: string; tone: Tone }> = {
  done: { label: "Done", tone: "success" },
  active: { label: "In progress", tone: "info" },
  late: { label: "Late or failed", tone: "danger" },
  planned: { label: "Planned", tone: "neutral" },
};

export default async function SchedulePage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requireActor();
  const { projectId } = await params;
  const { project, items } = await orNotFound(async () => await projectSchedule(getDb(), actor, projectId));
  const rows = normalizeSchedule(items);
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">Macro schedule</h2>
        <p className="text-sm text-slate-600">
          Gates, sprints, training sessions and migration waves, drawn from the project&apos;s data.
        </p>
      </div>
      {rows.length <= 1 ? (
        <EmptyState title="Nothing scheduled yet">
          Plan gate dates, sprints, training sessions or migration waves and they appear here.
        </EmptyState>
      ) : (
        <MermaidDiagram
          definition={ganttDefinition(`${project.name}: macro schedule`, rows)}
          title={`Macro schedule of ${project.name}`}
          description={
            "A Gantt chart of gates, sprints, training and migration waves. The table below lists the " + "same items."
          }
          textAlternativeId="schedule-table"
          className="rounded-lg border border-slate-200 bg-white p-3"
        />
      )}
      <div id="schedule-table">
        <Table caption={`Schedule of ${project.name}, in date order`}>
          <thead>
            <tr>
              <Th>Date</Th>
              <Th>End</Th>
              <Th>Group</Th>
              <Th>Item</Th>
              <Th>State</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((item, i) => (
              <tr key={i}>
                <Td className="whitespace-nowrap">{formatDate(item.start)}</Td>
                <Td className="whitespace-nowrap">
                  {item.end && item.end !== item.start ? formatDate(item.end) : "—"}
                </Td>
                <Td>{item.group}</Td>
                <Td>
                  <span className="text-slate-600">{item.kind}</span> {item.label}
                </Td>
                <Td>
                  <Badge tone={STATE[item.state].tone}>{STATE[item.state].label}</Badge>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
