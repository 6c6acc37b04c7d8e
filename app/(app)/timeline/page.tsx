import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { portfolioGantt } from "@/lib/data/portfolio-gantt";
import { byMonth, portfolioTimeline } from "@/lib/data/schedule";
import { gateOutcome } from "@/lib/domain/timeline-chart";
import { requireActor } from "@/lib/session";
import { getFormat } from "@/lib/i18n/format-server";
import { PortfolioChart } from "./portfolio-chart";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("timelinePage");
  return { title: t("title") };
}

export default async function TimelinePage() {
  const actor = await requireActor();
  const t = await getTranslations("timelinePage");
  const format = await getFormat();
  const db = getDb();
  const timeline = await portfolioTimeline(db, actor);
  const months = byMonth(timeline.entries);
  const gantt = await portfolioGantt(db, actor);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <section aria-labelledby="chart-heading" className="mb-8 space-y-3">
        <h2 id="chart-heading" className="text-lg font-semibold text-slate-900">
          {t("chartHeading")}
        </h2>
        {gantt.rows.length === 0 ? (
          <EmptyState title={t("noRunningTitle")}>{t("noRunningBody")}</EmptyState>
        ) : (
          <>
            <PortfolioChart rows={gantt.rows} window={gantt.window} today={gantt.today} format={format} />
            {gantt.total > gantt.rows.length ? (
              <p className="text-sm text-slate-600">
                {t.rich("showing", {
                  shown: gantt.rows.length,
                  total: gantt.total,
                  link: (chunks) => (
                    <Link href="/dashboard" className="text-brand-700 underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            ) : null}
            <details className="rounded-lg border border-slate-200 bg-white px-3 py-2">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("asTable")}</summary>
              <Table caption={t("tableCaption")} className="mt-2">
                <thead>
                  <tr>
                    <Th>{t("project")}</Th>
                    <Th>{t("gate")}</Th>
                    <Th>{t("planned")}</Th>
                    <Th>{t("decided")}</Th>
                    <Th>{t("outcome")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {gantt.rows.flatMap((row) =>
                    row.gates.map((g) => (
                      <tr key={`${row.id}-${g.number}`}>
                        <Td>{row.name}</Td>
                        <Td>{t("gateName", { number: g.number, name: g.name })}</Td>
                        <Td className="whitespace-nowrap">{format.date(g.plannedDate)}</Td>
                        <Td className="whitespace-nowrap">{format.date(g.decidedAt)}</Td>
                        <Td>
                          {
                            {
                              passed: t("outcomeGo"),
                              conditional: t("outcomeConditional"),
                              stopped: t("outcomeStopped"),
                              open: g.current ? t("outcomeCurrent") : t("outcomeOpen"),
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
      <h2 className="mb-1 text-lg font-semibold text-slate-900">{t("comingUp")}</h2>
      <p className="mb-3 text-sm text-slate-600">
        {t("comingUpIntro", { from: format.date(timeline.from), until: format.date(timeline.until) })}
      </p>
      {months.length === 0 ? (
        <EmptyState title={t("nothingTitle")}>{t("nothingBody")}</EmptyState>
      ) : (
        <div className="space-y-6">
          {months.map(([month, entries]) => (
            <section key={month} aria-labelledby={`m-${month}`}>
              <h3 id={`m-${month}`} className="mb-2 text-base font-semibold text-slate-900">
                {format.month(month)} <span className="font-normal text-slate-600">({entries.length})</span>
              </h3>
              <Table caption={t("monthCaption", { month: format.month(month) })}>
                <thead>
                  <tr>
                    <Th className="w-32">{t("date")}</Th>
                    <Th className="w-[38%]">{t("milestone")}</Th>
                    <Th className="w-[34%]">{t("project")}</Th>
                    <Th>{t("client")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {entries.map((e) => (
                    <tr key={`${e.projectId}-${e.kind}-${e.label}`}>
                      <Td className="whitespace-nowrap">{format.date(e.date)}</Td>
                      <Td>
                        {e.kind === "go_live" ? (
                          <Badge tone="success">{t("goLive")}</Badge>
                        ) : (
                          <span>{e.gate ? t("gateName", { number: e.gate.number, name: e.gate.name }) : e.label}</span>
                        )}
                        {e.overdue ? (
                          <>
                            {" "}
                            <Badge tone="danger">{t("overdue")}</Badge>
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
