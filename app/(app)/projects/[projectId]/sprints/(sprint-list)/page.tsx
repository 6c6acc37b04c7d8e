import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { EstimateTrail } from "@/components/estimate-trail";
import { StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { estimateTrail } from "@/lib/data/estimates";
import { listReleases, plannableScopeItems } from "@/lib/data/roadmap";
import { listSprints } from "@/lib/data/sprints";
import { getFormat } from "@/lib/i18n/format-server";
import { addDays } from "@/lib/domain/estimate";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { SprintPlanForm } from "../sprint-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sprintList");
  return { title: t("title") };
}

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
  const t = await getTranslations("sprintList");
  const format = await getFormat();
  const statusLabel = (status: string) =>
    ({
      planned: t("statusPlanned"),
      active: t("statusActive"),
      in_review: t("statusInReview"),
      accepted: t("statusAccepted"),
      rejected: t("statusRejected"),
    })[status] ?? status;

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("heading")}</h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>

      <Card title={t("allSprints")}>
        {sprints.length ? (
          <Table caption={t("tableCaption")}>
            <thead>
              <tr>
                <Th>{t("columnSprint")}</Th>
                <Th>{t("columnGoal")}</Th>
                <Th>{t("columnDates")}</Th>
                <Th className="text-right">{t("columnCommitted")}</Th>
                <Th>{t("columnStatus")}</Th>
                {billing ? <Th>{t("columnMilestone")}</Th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sprints.map((s) => (
                <tr key={s.id}>
                  <Td className="whitespace-nowrap font-medium">
                    <Link className="text-brand-700 underline" href={`/projects/${projectId}/sprints/${s.id}`}>
                      {t("sprintNumber", { number: s.number })}
                    </Link>
                    {/* On a phone the status column is off-screen: repeat it here. */}
                    <span className="mt-1 block sm:hidden">
                      <StatusBadge status={s.status} label={statusLabel(s.status)} />
                    </span>
                  </Td>
                  <Td className="min-w-56">{s.goal}</Td>
                  <Td className="whitespace-nowrap">
                    {format.date(s.startDate)} – {format.date(s.endDate)}
                  </Td>
                  <Td className="text-right">
                    {format.number(s.committedDays, { maximumFractionDigits: 1 })} / {format.number(s.capacityDays)}
                  </Td>
                  <Td>
                    <StatusBadge status={s.status} label={statusLabel(s.status)} />
                  </Td>
                  {billing ? (
                    <Td className="whitespace-nowrap">
                      {s.milestone ? (
                        <>
                          <StatusBadge status={s.milestone.status} />{" "}
                          <span className="text-slate-700">
                            {format.money(s.milestone.amount, s.milestone.currency)}
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
          <EmptyState title={t("emptyTitle")}>{canPlan ? t("emptyCanPlan") : t("emptyCannotPlan")}</EmptyState>
        )}
      </Card>

      {canPlan ? (
        <Card title={t("planCard")}>
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
