import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { QualityActivityList, qualityLabelsIn } from "@/components/quality-activity-list";
import { EscapedDefectsForm } from "@/components/quality-evidence-forms";
import { ReleaseQualityPanel } from "@/components/release-quality-panel";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { projectQualityHistory } from "@/lib/data/quality-history";
import { recentEscapedDefects } from "@/lib/data/quality";
import { loadRules, loadScale, toLevels, toRules } from "@/lib/data/quality-scale";
import { ACCEPT_ATTRIBUTE } from "@/lib/data/uploads";
import { orNotFound } from "@/lib/page";
import { getFormat } from "@/lib/i18n/format-server";
import { requireActor } from "@/lib/session";
import { readerLocale } from "@/lib/data/reader-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("qualityPage");
  return { title: t("title") };
}

function evidenceSummary(activities: { latest: { result: string } | null }[]) {
  const count = (result: string) => activities.filter((a) => a.latest?.result === result).length;
  return {
    passed: count("passed"),
    waived: count("waived"),
    failed: count("failed"),
    none: activities.filter((a) => !a.latest).length,
  };
}

export default async function ProjectQualityPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const db = getDb();
  const history = await orNotFound(
    async () => await projectQualityHistory(db, actor, projectId, undefined, await readerLocale()),
  );
  const levels = history.canSelect ? toLevels(await loadScale(db), await readerLocale()) : [];
  const rules = history.canSelect ? toRules(await loadRules(db)) : [];
  const escapedDefects = history.canSelect ? await recentEscapedDefects(db, projectId) : 0;
  const totalDefects = history.sprints.reduce((sum, s) => sum + s.escapedDefects, 0);
  const overridden = history.sprints.filter((s) => s.selection?.belowRecommendation).length;
  const t = await getTranslations("qualityPage");
  const tl = await getTranslations("qualityLabels");
  const labels = qualityLabelsIn(tl);
  const format = await getFormat();

  return (
    <div className="space-y-6">
      {history.releases.length ? (
        <section aria-labelledby="release-quality-title" className="space-y-3">
          <div>
            <h2 id="release-quality-title" className="text-lg font-semibold text-slate-900">
              {t("perRelease")}
            </h2>
            <p className="text-sm text-slate-600">{t("perReleaseExplained")}</p>
          </div>
          {history.releases.map((release) => (
            <ReleaseQualityPanel
              key={release.id}
              projectId={projectId}
              release={release}
              canEdit={history.canSelect}
              levels={levels}
              rules={rules}
              escapedDefects={escapedDefects}
              accept={ACCEPT_ATTRIBUTE}
            />
          ))}
        </section>
      ) : null}
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("history")}</h2>
        <p className="text-sm text-slate-600">
          {t("historyExplained")}
          {history.sprints.length ? ` ${t("historyTotals", { defects: totalDefects, overridden })}` : ""}
        </p>
      </div>
      {history.sprints.length === 0 ? (
        <EmptyState title={t("noSprints")}>
          {t.rich("noSprintsExplained", {
            link: (chunks) => (
              <Link className="text-brand-700 underline" href={`/projects/${projectId}/sprints`}>
                {chunks}
              </Link>
            ),
          })}
        </EmptyState>
      ) : (
        <>
          <Table caption={t("perSprint")}>
            <thead>
              <tr>
                <Th>{t("sprint")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("recommended")}</Th>
                <Th>{t("chosen")}</Th>
                <Th>{t("evidence")}</Th>
                <Th>{t("escapedDefects")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {history.sprints.map((s) => {
                const summary = s.selection ? evidenceSummary(s.selection.activities) : null;
                return (
                  <tr key={s.id}>
                    <Td>
                      <a className="font-medium text-brand-700 underline" href={`#sprint-${s.number}`}>
                        {t("sprintNumber", { number: s.number })}
                      </a>
                      <span className="block max-w-[16rem] truncate text-xs text-slate-600">{s.goal}</span>
                    </Td>
                    <Td>
                      <StatusBadge status={s.status} label={labels.sprintStatus(s.status)} />
                    </Td>
                    <Td>{s.selection?.recommendedLevel ?? "—"}</Td>
                    <Td>
                      {s.selection ? (
                        <span className="flex flex-wrap items-center gap-1">
                          {s.selection.chosenLevel}
                          {s.inheritedFrom ? (
                            <span className="text-xs text-slate-600">
                              {t("fromRelease", { number: s.inheritedFrom.number })}
                            </span>
                          ) : null}
                          {s.selection.belowRecommendation ? <Badge tone="warning">{t("below")}</Badge> : null}
                        </span>
                      ) : (
                        <span className="text-slate-500">{t("notChosen")}</span>
                      )}
                    </Td>
                    <Td className="whitespace-nowrap">
                      {summary ? <span>{t("evidenceSummary", summary)}</span> : "—"}
                    </Td>
                    <Td className="tabular-nums">{format.number(s.escapedDefects)}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>

          <div className="space-y-4">
            {history.sprints.map((s) => (
              <section
                key={s.id}
                id={`sprint-${s.number}`}
                aria-labelledby={`sprint-${s.number}-title`}
                className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 id={`sprint-${s.number}-title`} className="font-semibold text-slate-900">
                    <Link className="hover:underline" href={`/projects/${projectId}/sprints/${s.id}`}>
                      {t("sprintTitle", { number: s.number, goal: s.goal })}
                    </Link>
                  </h3>
                  <span className="text-xs text-slate-600">
                    {format.date(s.startDate)} → {format.date(s.endDate)}
                  </span>
                </div>
                {s.selection ? (
                  <div className="mt-2 space-y-2">
                    <p className="text-sm text-slate-800">
                      {s.inheritedFrom
                        ? t("chosenForReleaseBy", {
                            chosen: s.selection.chosenLevel,
                            release: s.inheritedFrom.number,
                            recommended: s.selection.recommendedLevel,
                            name: s.selection.selectedBy.name,
                          })
                        : t("chosenBy", {
                            chosen: s.selection.chosenLevel,
                            recommended: s.selection.recommendedLevel,
                            name: s.selection.selectedBy.name,
                          })}
                    </p>
                    <ul className="text-sm text-slate-600" aria-label={tl("reasons")}>
                      {s.selection.reasons.map((r, i) => (
                        <li key={i}>
                          {r.text} (+{r.points})
                        </li>
                      ))}
                    </ul>
                    {s.selection.justification ? (
                      <p className="whitespace-pre-line rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                        <span className="font-medium">{tl("justification")} </span>
                        {s.selection.justification}
                      </p>
                    ) : null}
                    <details>
                      <summary className="cursor-pointer text-sm font-medium text-brand-700">
                        {t("evidenceOf", { count: s.selection.activities.length })}
                      </summary>
                      <QualityActivityList activities={s.selection.activities} />
                    </details>
                  </div>
                ) : (
                  <p className="mt-2 text-sm text-slate-600">{t("noneChosen")}</p>
                )}
                {history.canRecordDefects && s.status !== "planned" ? (
                  <div className="mt-3 border-t border-slate-100 pt-3">
                    <EscapedDefectsForm
                      projectId={projectId}
                      sprintId={s.id}
                      escapedDefects={s.escapedDefects}
                      version={s.version}
                      sprintNumber={s.number}
                    />
                  </div>
                ) : null}
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
