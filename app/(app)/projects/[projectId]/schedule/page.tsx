import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { MermaidDiagram } from "@/components/mermaid-diagram";
import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { projectSchedule } from "@/lib/data/schedule";
import { ganttDefinition, normalizeSchedule, type ScheduleItem, type ScheduleState } from "@/lib/domain/schedule";
import { getFormat } from "@/lib/i18n/format-server";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("schedulePage");
  return { title: t("title") };
}

const TONE: Record<ScheduleState, Tone> = { done: "success", active: "info", late: "danger", planned: "neutral" };

export default async function SchedulePage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requireActor();
  const { projectId } = await params;
  const { project, items } = await orNotFound(async () => await projectSchedule(getDb(), actor, projectId));
  const t = await getTranslations("schedulePage");
  const format = await getFormat();
  const state = { done: t("done"), active: t("active"), late: t("late"), planned: t("planned") };
  const kinds: Record<ScheduleItem["kind"], string> = {
    Gate: t("kindGate"),
    "Go-live": t("kindGoLive"),
    Sprint: t("kindSprint"),
    Training: t("kindTraining"),
    Migration: t("kindMigration"),
  };
  // The data layer names its fixed groups and the go-live item in English; the reader's words
  // replace them here. A migration group carries its product module after the word.
  const group = (name: string) =>
    name === "Gates"
      ? t("groupGates")
      : name === "Sprints"
        ? t("groupSprints")
        : name === "Training"
          ? t("groupTraining")
          : name === "Migration" || name.startsWith("Migration · ")
            ? t("groupMigration") + name.slice("Migration".length)
            : name;
  const rows = normalizeSchedule(items).map((item) => ({
    ...item,
    group: group(item.group),
    label: item.kind === "Go-live" && item.label === "Target go-live" ? t("targetGoLive") : item.label,
  }));
  // Mermaid draws the kind as the task's fixed prefix; the chart reads it in the reader's words.
  const chartRows = rows.map((item) => ({ ...item, kind: kinds[item.kind] as ScheduleItem["kind"] }));
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="text-sm text-slate-600">{t("description")}</p>
      </div>
      {rows.length <= 1 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <MermaidDiagram
          definition={ganttDefinition(t("chartTitle", { project: project.name }), chartRows)}
          title={t("chartLabel", { project: project.name })}
          description={t("chartDescription")}
          textAlternativeId="schedule-table"
          className="rounded-lg border border-slate-200 bg-white p-3"
        />
      )}
      <div id="schedule-table">
        <Table caption={t("tableCaption", { project: project.name })}>
          <thead>
            <tr>
              <Th>{t("date")}</Th>
              <Th>{t("end")}</Th>
              <Th>{t("group")}</Th>
              <Th>{t("item")}</Th>
              <Th>{t("state")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((item, i) => (
              <tr key={i}>
                <Td className="whitespace-nowrap">{format.date(item.start)}</Td>
                <Td className="whitespace-nowrap">
                  {item.end && item.end !== item.start ? format.date(item.end) : "—"}
                </Td>
                <Td>{item.group}</Td>
                <Td>
                  <span className="text-slate-600">{kinds[item.kind]}</span> {item.label}
                </Td>
                <Td>
                  <Badge tone={TONE[item.state]}>{state[item.state]}</Badge>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
