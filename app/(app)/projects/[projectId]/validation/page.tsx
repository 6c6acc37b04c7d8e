import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { listValidationRuns, type ValidationRunView } from "@/lib/data/validation-runs";
import { latestClosedRun } from "@/lib/domain/validation-run";
import { getFormat } from "@/lib/i18n/format-server";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { AddScenarioForm, CloseRunForm, OpenRunButton, ScenarioResultForm, ScenarioTools } from "./validation-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("validationPage");
  return { title: t("title") };
}

async function ResultBadge({ result }: { result: string }) {
  const t = await getTranslations("validationPage");
  const status = result === "pass" ? "passed" : result === "fail" ? "failed" : "pending";
  const label = result === "pass" ? t("resultPass") : result === "fail" ? t("resultFail") : t("resultNone");
  return <StatusBadge status={status} label={label} />;
}

async function ScenarioSummary({ run }: { run: ValidationRunView }) {
  const t = await getTranslations("validationPage");
  const count = (r: string) => run.scenarios.filter((s) => s.result === r).length;
  return (
    <p className="text-sm text-slate-600">
      {t("scenarioSummary", {
        total: run.scenarios.length,
        passed: count("pass"),
        failed: count("fail"),
        pending: count("pending"),
      })}
    </p>
  );
}

/** "Homologation run" or "Production run", in the reader's words. */
async function RunName({ environment }: { environment: string }) {
  const t = await getTranslations("validationPage");
  return <>{environment === "production" ? t("productionRun") : t("homologationRun")}</>;
}

async function OpenRun({
  run,
  projectId,
  can,
}: {
  run: ValidationRunView;
  projectId: string;
  can: { manage: boolean; record: boolean; approve: boolean };
}) {
  const failed = run.scenarios.filter((s) => s.result === "fail").length;
  const pending = run.scenarios.filter((s) => s.result === "pending").length;
  const t = await getTranslations("validationPage");
  const format = await getFormat();
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : "");
  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          <RunName environment={run.environment} /> <StatusBadge status="open" label={t("statusOpen")} />
        </span>
      }
    >
      <p className="text-sm text-slate-600">
        {t("openedBy", { when: when(run.openedAt), name: run.openedBy.name })}{" "}
        {can.record ? t("recordEveryScenario") : t("guardiansRecord")}
      </p>
      <ScenarioSummary run={run} />
      <ol className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200">
        {run.scenarios.map((s, i) => (
          <li key={s.id} className="grid gap-3 p-3 md:grid-cols-[1fr_minmax(0,22rem)]">
            <div className="space-y-1">
              <p className="font-medium text-slate-900">
                <span className="mr-2 text-slate-500">{i + 1}.</span>
                {s.title}
              </p>
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <ResultBadge result={s.result} />
                {s.recordedBy ? (
                  <span>{t("recordedBy", { name: s.recordedBy.name, when: when(s.recordedAt) })}</span>
                ) : null}
                <span>
                  {s.source.startsWith("module:")
                    ? t("fromModule")
                    : s.source.startsWith("scope:")
                      ? t("fromScope")
                      : t("addedByHand")}
                </span>
              </div>
              {/* A recorder reads and edits the note in the form beside it; shown here too it would appear twice. */}
              {s.notes && !can.record ? <p className="whitespace-pre-line text-sm text-slate-700">{s.notes}</p> : null}
              {can.manage ? (
                <ScenarioTools
                  projectId={projectId}
                  runId={run.id}
                  scenarioId={s.id}
                  version={run.version}
                  title={s.title}
                  first={i === 0}
                  last={i === run.scenarios.length - 1}
                  removable={s.result === "pending" && run.scenarios.length > 1}
                />
              ) : null}
            </div>
            {can.record ? <ScenarioResultForm projectId={projectId} runId={run.id} scenario={s} /> : null}
          </li>
        ))}
      </ol>
      {can.manage ? (
        <div className="mt-4">
          <AddScenarioForm projectId={projectId} runId={run.id} version={run.version} />
        </div>
      ) : null}
      {can.approve ? (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <h3 className="mb-2 font-semibold text-slate-900">{t("clientOk")}</h3>
          <p className="mb-3 text-sm text-slate-600">
            {pending > 0
              ? t("pendingBeforeClose", { count: pending })
              : failed > 0
                ? t("failedBeforeClose", { count: failed })
                : t("allPassed")}
          </p>
          <CloseRunForm
            projectId={projectId}
            runId={run.id}
            version={run.version}
            environment={run.environment}
            failed={failed}
            pending={pending}
          />
        </div>
      ) : null}
    </Card>
  );
}

export default async function ValidationPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const { access, runs } = await orNotFound(async () => await listValidationRuns(getDb(), actor, projectId));
  const can = {
    manage: access.can("validation.manage"),
    record: access.can("validation.record"),
    approve: access.can("validation.approve"),
  };
  const open = runs.find((r) => r.status === "open");
  const closed = runs.filter((r) => r.status !== "open");
  const homologation = latestClosedRun(runs, "homologation");
  const production = latestClosedRun(runs, "production");
  const nextEnvironment = homologation?.status === "passed" ? "production" : "homologation";
  const t = await getTranslations("validationPage");
  const format = await getFormat();
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : "");
  const outcome = (run: ValidationRunView | undefined | null) =>
    !run ? t("noneYet") : run.status === "passed" ? t("outcomePassed") : t("outcomeFailed");
  const statusLabel = { open: t("statusOpen"), passed: t("statusPassed"), failed: t("statusFailed") };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{t("heading")}</h2>
          <p className="max-w-3xl text-sm text-slate-600">
            {t.rich("intro", {
              homologation: outcome(homologation),
              production: outcome(production),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}{" "}
            <Link href={`/projects/${projectId}/go-live`} className="text-brand-700 underline">
              {t("goLiveReadiness")}
            </Link>
          </p>
        </div>
        {can.manage && !open ? (
          <div className="flex flex-wrap gap-2">
            <OpenRunButton projectId={projectId} environment={nextEnvironment} />
            {nextEnvironment === "production" ? (
              <OpenRunButton projectId={projectId} environment="homologation" />
            ) : null}
          </div>
        ) : null}
      </div>

      {open ? <OpenRun run={open} projectId={projectId} can={can} /> : null}

      {runs.length === 0 ? (
        <EmptyState title={t("noRuns")}>{can.manage ? t("openFirstRun") : t("firstRunOpenedBy")}</EmptyState>
      ) : null}

      {closed.length > 0 ? (
        <section aria-labelledby="past-runs" className="space-y-3">
          <h3 id="past-runs" className="font-semibold text-slate-900">
            {t("closedRuns")}
          </h3>
          <ul className="space-y-2">
            {closed.map((run) => (
              <li key={run.id} className="rounded-lg border border-slate-200 bg-white">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center gap-2 p-3">
                    <span className="font-medium text-slate-900">
                      <RunName environment={run.environment} />
                    </span>
                    <StatusBadge status={run.status} label={statusLabel[run.status]} />
                    <span className="text-sm text-slate-600">
                      {run.closedBy
                        ? t("closedAtBy", { when: when(run.closedAt), name: run.closedBy.name })
                        : t("closedAt", { when: when(run.closedAt) })}
                    </span>
                  </summary>
                  <div className="space-y-2 border-t border-slate-100 p-3">
                    <ScenarioSummary run={run} />
                    {run.closingNote ? (
                      <p className="text-sm text-slate-700">{t("closingNote", { note: run.closingNote })}</p>
                    ) : null}
                    <ol className="list-decimal space-y-1 pl-5 text-sm">
                      {run.scenarios.map((s) => (
                        <li key={s.id}>
                          <span className="mr-2">{s.title}</span>
                          <ResultBadge result={s.result} />
                          {s.notes ? <span className="ml-2 text-slate-600">— {s.notes}</span> : null}
                        </li>
                      ))}
                    </ol>
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
