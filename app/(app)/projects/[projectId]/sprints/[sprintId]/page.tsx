import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { SprintQualityPanel } from "@/components/sprint-quality-panel";
import { StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { sprintQuality } from "@/lib/data/quality-history";
import { loadRules, loadScale, toLevels, toRules } from "@/lib/data/quality-scale";
import { listReleases, plannableScopeItems } from "@/lib/data/roadmap";
import { getSprint } from "@/lib/data/sprints";
import { ACCEPT_ATTRIBUTE } from "@/lib/data/uploads";
import { getFormat } from "@/lib/i18n/format-server";
import { sprintCommands } from "@/lib/domain/sprint";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { ReopenSprintButton, StartSprintButton, SubmitReviewButton } from "../sprint-commands";
import { AcceptanceForm, DeploymentForm, SprintPlanForm } from "./sprint-forms-on-demand";
import { readerLocale } from "@/lib/data/reader-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sprintPage");
  return { title: t("title") };
}

export default async function SprintPage({ params }: { params: Promise<{ projectId: string; sprintId: string }> }) {
  const { projectId, sprintId } = await params;
  const actor = await requireActor();
  const db = getDb();
  const view = await orNotFound(async () => await getSprint(db, actor, projectId, sprintId));
  const { sprint, access, items, deployments, milestone, blockers } = view;
  const quality = await orNotFound(
    async () => await sprintQuality(db, actor, projectId, sprintId, await readerLocale()),
  );
  // The scale and its rules feed only the selection form, so they are read only when it is shown.
  const levels = quality.canEdit ? toLevels(await loadScale(db), await readerLocale()) : [];
  const rules = quality.canEdit ? toRules(await loadRules(db)) : [];
  const can = {
    plan: access.can("sprint.plan"),
    deliver: access.can("sprint.deliver"),
    accept: access.can("sprint.accept"),
  };
  const ids = { projectId, sprintId, version: sprint.version };
  const applies = sprintCommands(sprint.status);
  const open = applies.includes("change_plan");
  const delivering = applies.includes("record_deployment");
  const t = await getTranslations("sprintPage");
  const format = await getFormat();
  const statusLabel = {
    planned: t("statusPlanned"),
    active: t("statusActive"),
    in_review: t("statusInReview"),
    accepted: t("statusAccepted"),
    rejected: t("statusRejected"),
  }[sprint.status];
  const environmentLabel = (environment: string) =>
    ({
      production: t("environmentProduction"),
      homologation: t("environmentHomologation"),
      development: t("environmentDevelopment"),
    })[environment] ?? environment;
  const categoryLabel = (category: string) =>
    ({
      configuration: t("categoryConfiguration"),
      interconnection: t("categoryInterconnection"),
      localization: t("categoryLocalization"),
      migration: t("categoryMigration"),
      training: t("categoryTraining"),
      reporting: t("categoryReporting"),
      other: t("categoryOther"),
    })[category] ?? category;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm">
            <Link className="text-brand-700 underline" href={`/projects/${projectId}/sprints`}>
              {t("allSprints")}
            </Link>
          </p>
          <h2 className="mt-1 flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
            {t("heading", { number: sprint.number })} <StatusBadge status={sprint.status} label={statusLabel} />
          </h2>
          <p className="text-sm text-slate-700">{sprint.goal}</p>
          <p className="text-xs text-slate-600">
            {format.date(sprint.startDate)} – {format.date(sprint.endDate)} ·{" "}
            {t("committed", {
              committed: format.number(view.committedDays, { maximumFractionDigits: 1 }),
              capacity: format.number(sprint.capacityDays),
            })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can.plan && applies.includes("start") ? <StartSprintButton {...ids} /> : null}
          {can.deliver && applies.includes("submit_review") ? <SubmitReviewButton {...ids} /> : null}
          {can.plan && applies.includes("reopen") ? <ReopenSprintButton {...ids} /> : null}
        </div>
      </div>

      {sprint.decidedAt ? (
        <p
          role="note"
          className={
            sprint.status === "rejected"
              ? "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
              : "rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
          }
        >
          {sprint.status === "rejected"
            ? t("rejectedBy", { name: view.decidedBy ?? t("theClientOwner"), date: format.date(sprint.decidedAt) })
            : t("acceptedBy", { name: view.decidedBy ?? t("theClientOwner"), date: format.date(sprint.decidedAt) })}
          {sprint.acceptanceComment ? t("decisionComment", { comment: sprint.acceptanceComment }) : "."}
        </p>
      ) : null}

      <Card title={t("acceptanceCard")} id="acceptance">
        {sprint.status === "in_review" || blockers.length ? (
          blockers.length ? (
            <div className="mb-3">
              <p className="text-sm font-medium text-slate-900">{t("stillMissing")}</p>
              <ul aria-label={t("missingLabel")} className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-amber-900">
                {blockers.map((b) => (
                  <li key={b.key}>
                    <span className="font-medium">{b.name}</span>: {b.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="mb-3 text-sm text-green-800">{t("evidenceComplete")}</p>
          )
        ) : null}
        {applies.includes("accept") && can.accept ? (
          <AcceptanceForm
            projectId={projectId}
            sprintId={sprintId}
            version={sprint.version}
            blocked={blockers.length > 0}
          />
        ) : sprint.status === "in_review" ? (
          <p className="text-sm text-slate-700">{t("waitingForDecision")}</p>
        ) : sprint.status === "accepted" || sprint.status === "rejected" ? null : (
          <p className="text-sm text-slate-700">{t("decidesAfterSubmit")}</p>
        )}
        {milestone ? (
          <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-800">
            {t("paymentMilestone")} <StatusBadge status={milestone.status} />{" "}
            {format.money(milestone.amount, milestone.currency)}
            {milestone.invoiceReference ? (
              <span className="text-slate-600">{t("invoice", { reference: milestone.invoiceReference })}</span>
            ) : null}
          </p>
        ) : null}
      </Card>

      <SprintQualityPanel
        projectId={projectId}
        sprintId={sprintId}
        view={quality}
        levels={levels}
        rules={rules}
        accept={ACCEPT_ATTRIBUTE}
      />

      <Card title={t("deploymentsCard")}>
        {deployments.length ? (
          <Table caption={t("deploymentsCaption")}>
            <thead>
              <tr>
                <Th>{t("columnVersion")}</Th>
                <Th>{t("columnEnvironment")}</Th>
                <Th>{t("columnDeployedOn")}</Th>
                <Th>{t("columnRecordedBy")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deployments.map((d) => (
                <tr key={d.id}>
                  <Td className="font-medium">{d.releaseVersion}</Td>
                  <Td>
                    <StatusBadge
                      status={d.environment === "production" ? "live" : "planned"}
                      label={environmentLabel(d.environment)}
                    />
                  </Td>
                  <Td>{format.date(d.deployedOn)}</Td>
                  <Td>{d.recordedByName}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState title={t("noDeploymentTitle")}>{t("noDeploymentBody")}</EmptyState>
        )}
        {can.deliver && delivering ? (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <DeploymentForm projectId={projectId} sprintId={sprintId} today={new Date().toISOString().slice(0, 10)} />
          </div>
        ) : null}
      </Card>

      <Card title={t("committedScopeCard")}>
        {can.plan && open ? (
          <SprintPlanForm
            projectId={projectId}
            items={await plannableScopeItems(db, actor, projectId, sprintId)}
            releases={(await listReleases(db, actor, projectId)).map((r) => ({
              id: r.id,
              label: `${r.number}. ${r.name}`,
            }))}
            plan={{
              sprintId,
              version: sprint.version,
              goal: sprint.goal,
              startDate: sprint.startDate,
              endDate: sprint.endDate,
              capacityDays: sprint.capacityDays,
              releaseId: sprint.releaseId,
              committedIds: items.map((i) => i.id),
            }}
          />
        ) : items.length ? (
          <Table caption={t("committedScopeCaption")}>
            <thead>
              <tr>
                <Th>{t("columnItem")}</Th>
                <Th>{t("columnCategory")}</Th>
                <Th className="text-right">{t("columnEstimate")}</Th>
                <Th>{t("columnStatus")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((i) => (
                <tr key={i.id}>
                  <Td className="font-medium">{i.title}</Td>
                  <Td>{categoryLabel(i.category)}</Td>
                  <Td className="text-right">{format.number(i.estimateDays)}</Td>
                  <Td>
                    <StatusBadge status={i.status} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState title={t("noCommittedItems")} />
        )}
      </Card>
    </div>
  );
}
