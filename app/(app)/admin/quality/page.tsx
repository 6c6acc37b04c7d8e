import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PolicyText } from "@/components/policy-text";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { loadRules, loadScale } from "@/lib/data/quality-scale";
import { highestGateNumber } from "@/lib/data/policy-versions";
import { activityTexts, levelTexts } from "@/lib/data/policy-texts";
import { isLocale } from "@/lib/i18n/locale";
import { requireAdminPage } from "../require-admin";
import { ActivityDialog, LevelForm, RemoveButton, RuleDialog } from "./scale-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminQuality");
  return { title: t("title") };
}

export default async function QualityScalePage() {
  await requireAdminPage();
  const t = await getTranslations("adminQuality");
  const locale = await getLocale();
  const reader = isLocale(locale) ? locale : undefined;
  const questionLabel: Record<string, string> = {
    changeSize: t("questionChangeSize"),
    touchesRating: t("questionTouchesRating"),
    touchesIntegrations: t("questionTouchesIntegrations"),
    includesMigration: t("questionIncludesMigration"),
    customerFacing: t("questionCustomerFacing"),
    regulatory: t("questionRegulatory"),
    escapedDefects: t("questionEscapedDefects"),
  };
  const environmentLabel: Record<string, string> = {
    development: t("envDevelopment"),
    homologation: t("envHomologation"),
    production: t("envProduction"),
  };
  const timingOf = (a: { timing: string; gateNumber: number | null }) =>
    a.timing === "before_gate"
      ? a.gateNumber
        ? t("timingBeforeGate", { number: a.gateNumber })
        : t("timingBeforeAGate")
      : a.timing === "after_deployment"
        ? t("timingAfterDeployment")
        : t("timingBeforeSprintReview");
  // A rule's match value in words: "Yes", "at least 2", "Large".
  const matchLabel = (value: string) => {
    const v = value.trim();
    const threshold = /^>=\s*(\d+)$/.exec(v);
    if (v === "true") return t("yes");
    if (v === "false") return t("no");
    if (threshold) return t("atLeast", { count: Number(threshold[1]) });
    return { small: t("sizeSmall"), medium: t("sizeMedium"), large: t("sizeLarge") }[v] ?? v;
  };
  const db = getDb();
  const highestGate = await highestGateNumber(db);
  const scale = await loadScale(db);
  const rules = await loadRules(db);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        {scale.map((level) => (
          <Card
            key={level.id}
            title={
              <span className="flex items-center gap-2">
                <Badge tone="info">{level.level}</Badge>{" "}
                <span>
                  <PolicyText
                    text={levelTexts(level, reader).name}
                    untranslated={levelTexts(level, reader).nameUntranslated}
                  />
                </span>
              </span>
            }
            actions={<ActivityDialog standardId={level.id} levelName={level.level} highestGate={highestGate} />}
          >
            <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
              <LevelForm level={level} />
              <div>
                <h3 className="text-sm font-semibold text-slate-900">{t("requiredActivities")}</h3>
                {level.activities.length === 0 ? (
                  <p className="mt-1 text-sm text-slate-600">{t("noActivity")}</p>
                ) : (
                  <ul className="divide-y divide-slate-100" aria-label={t("activitiesOf", { level: level.level })}>
                    {level.activities.map((a) => (
                      <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                        <div className="min-w-0">
                          <p className="text-sm font-medium text-slate-900">
                            <PolicyText
                              text={activityTexts(a, reader).name}
                              untranslated={activityTexts(a, reader).nameUntranslated}
                            />
                          </p>
                          <p className="text-xs text-slate-600">
                            {environmentLabel[a.environment] ?? a.environment} · {timingOf(a)}
                          </p>
                        </div>
                        <div className="flex items-center gap-1">
                          <ActivityDialog
                            standardId={level.id}
                            levelName={level.level}
                            activity={a}
                            highestGate={highestGate}
                          />
                          <RemoveButton
                            what={t("activityFromLevel", { name: a.name, level: level.level })}
                            kind="activity"
                            id={a.id}
                          />
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          </Card>
        ))}

        <Card title={t("selectionRules")} actions={<RuleDialog />}>
          <p className="mb-3 text-sm text-slate-600">{t("rulesIntro")}</p>
          {rules.length === 0 ? (
            <EmptyState title={t("noRules")}>{t("noRulesBody")}</EmptyState>
          ) : (
            <Table caption={t("selectionRules")}>
              <thead>
                <tr>
                  <Th>{t("question")}</Th>
                  <Th>{t("matches")}</Th>
                  <Th>{t("points")}</Th>
                  <Th>{t("reason")}</Th>
                  {/* relative: keeps the absolutely positioned sr-only text inside the scrolling table. */}
                  <Th className="relative">
                    <span className="sr-only">{t("actions")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rules.map((r) => (
                  <tr key={r.id}>
                    <Td>{questionLabel[r.question] ?? r.question}</Td>
                    <Td>{matchLabel(r.matchValue)}</Td>
                    <Td className="tabular-nums">{r.points > 0 ? `+${r.points}` : r.points}</Td>
                    <Td>{r.reason}</Td>
                    <Td className="whitespace-nowrap">
                      <RuleDialog rule={r} />
                      <RemoveButton what={t("theRule", { reason: r.reason })} kind="rule" id={r.id} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
