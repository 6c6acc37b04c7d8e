import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { getMigration, type WaveWithRuns } from "@/lib/data/migration";
import {
  RACI_ROLES,
  waveCommands,
  type MigrationPhase,
  type PhaseResponsibility,
  type WaveStatus,
} from "@/lib/domain/migration";
import { type Format } from "@/lib/i18n/format";
import { getFormat } from "@/lib/i18n/format-server";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { getMigrationLabels } from "./labels";
import { PlanForm, RaciEditor } from "./plan-forms-on-demand";
import { AddWaveForm, EditWaveDialog, RecordRunDialog, StartMigrationButton } from "./wave-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("migrationPage");
  return { title: t("title") };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"migrationPage">>>;

/** The reader's words for wave statuses, phases and RACI roles. */
async function migrationLabels(t: Translate) {
  const waveStatus: Record<WaveStatus, string> = {
    planned: t("wavePlanned"),
    rehearsing: t("waveRehearsing"),
    ready: t("waveReady"),
    migrating: t("waveMigrating"),
    completed: t("waveCompleted"),
    failed: t("waveFailed"),
  };
  const { phase, role } = await getMigrationLabels();
  return { waveStatus, phase: (p: string) => phase[p as MigrationPhase] ?? p, role };
}
type Labels = Awaited<ReturnType<typeof migrationLabels>>;

const WAVE_TONES = {
  planned: "planned",
  rehearsing: "in_progress",
  ready: "submitted",
  migrating: "in_review",
  completed: "passed",
  failed: "failed",
} as const;
function Runs({ wave, t, format }: { wave: WaveWithRuns; t: Translate; format: Format }) {
  const n = (value: number) => format.number(value);
  if (!wave.runs.length) return <p className="text-sm text-slate-600">{t("noRuns")}</p>;
  return (
    <Table caption={t("runsCaption", { wave: wave.name })}>
      <thead>
        <tr>
          <Th>{t("columnRun")}</Th>
          <Th>{t("columnDate")}</Th>
          <Th className="text-right">{t("columnExtracted")}</Th>
          <Th className="text-right">{t("columnLoaded")}</Th>
          <Th className="text-right">{t("columnRejected")}</Th>
          <Th className="text-right">{t("columnUnaccounted")}</Th>
          <Th>{t("columnReconciliation")}</Th>
          <Th>{t("columnRecordedBy")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {wave.runs.map((r) => (
          <tr key={r.id}>
            <Td>{r.kind === "rehearsal" ? t("runRehearsal") : t("runProduction")}</Td>
            <Td className="whitespace-nowrap">{format.date(r.ranOn)}</Td>
            <Td className="text-right tabular-nums">{n(r.extracted)}</Td>
            <Td className="text-right tabular-nums">{n(r.loaded)}</Td>
            <Td className="text-right tabular-nums">{n(r.rejected)}</Td>
            <Td className="text-right tabular-nums">{n(r.extracted - r.loaded - r.rejected)}</Td>
            <Td>
              <StatusBadge
                status={r.reconciliation}
                label={r.reconciliation === "passed" ? t("reconciliationPassed") : t("reconciliationFailed")}
              />
              {r.reconciliationReasons.map((reason) => (
                <p key={reason} className="mt-1 max-w-xs text-xs text-red-800">
                  {reason}
                </p>
              ))}
              {r.notes ? <p className="mt-1 max-w-xs text-xs text-slate-600">{r.notes}</p> : null}
            </Td>
            <Td>{r.recordedByName}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function ShiftView({
  shift,
  t,
  labels,
  format,
}: {
  shift: PhaseResponsibility[];
  t: Translate;
  labels: Labels;
  format: Format;
}) {
  return (
    <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {shift.map((p) => (
        <li key={p.phase} className="rounded-md border border-slate-200 p-3">
          <p className="text-sm font-semibold text-slate-900">{labels.phase(p.phase)}</p>
          <p className="text-xs text-slate-600">
            {t("activities", { count: p.activities })} ·{" "}
            {p.lead === "none"
              ? t("leadNone")
              : p.lead === "shared"
                ? t("leadShared")
                : p.lead === "vendor"
                  ? t("leadVendor")
                  : t("leadClient")}
          </p>
          <div className="mt-2 flex h-3 overflow-hidden rounded-full bg-slate-100" aria-hidden>
            <div className="bg-brand-700" style={{ width: `${p.activities ? p.vendorShare : 0}%` }} />
            <div className="bg-amber-500" style={{ width: `${p.activities ? 100 - p.vendorShare : 0}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-700">
            {p.activities
              ? t("shares", {
                  vendor: format.percent(p.vendorShare / 100),
                  client: format.percent((100 - p.vendorShare) / 100),
                })
              : t("noActivities")}
          </p>
          <p className="text-xs text-slate-600">
            {t("accountable", { vendor: p.accountable.vendor, client: p.accountable.client })}
          </p>
        </li>
      ))}
    </ol>
  );
}

export default async function MigrationPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const { project, plan, waves, shift, canEdit } = await orNotFound(
    async () => await getMigration(getDb(), actor, projectId),
  );
  const hasPlan = Boolean(plan.scenario || plan.scope || plan.sourceSystems);
  const t = await getTranslations("migrationPage");
  const format = await getFormat();
  const labels = await migrationLabels(t);

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("heading")}</h2>
        <p className="text-sm text-slate-600">
          {t("intro")}
          {canEdit ? "" : ` ${t("readOnly")}`}
        </p>
      </div>

      <Card title={t("planCard")}>
        {canEdit ? (
          <PlanForm projectId={project.id} plan={plan} />
        ) : hasPlan ? (
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            {(
              [
                [t("scenario"), plan.scenario],
                [t("scope"), plan.scope],
                [t("sourceSystems"), plan.sourceSystems],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt className="font-medium text-slate-800">{label}</dt>
                <dd className="whitespace-pre-line text-slate-700">{value || "—"}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <EmptyState title={t("noPlanTitle")}>{t("noPlanBody")}</EmptyState>
        )}
      </Card>

      <Card title={t("wavesCard", { count: waves.length })}>
        {waves.length === 0 ? (
          <EmptyState title={t("noWavesTitle")}>{canEdit ? t("noWavesCanEdit") : t("noWavesCannotEdit")}</EmptyState>
        ) : (
          <ul className="space-y-4">
            {waves.map((wave) => {
              const commands = waveCommands(wave.status);
              return (
                <li key={wave.id} className="rounded-md border border-slate-200 p-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <h3 className="font-semibold text-slate-900">{wave.name}</h3>
                      <p className="text-sm text-slate-600">
                        {wave.segment} · {t("from", { system: wave.sourceSystem })}
                        {wave.module ? ` · ${wave.module}` : ""} ·{" "}
                        {t("plannedOn", { date: format.date(wave.plannedDate) })}
                      </p>
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      <StatusBadge status={WAVE_TONES[wave.status]} label={labels.waveStatus[wave.status]} />
                      {canEdit && commands.runKinds.length ? (
                        <RecordRunDialog projectId={project.id} wave={wave} kinds={commands.runKinds} />
                      ) : null}
                      {canEdit && commands.start ? <StartMigrationButton projectId={project.id} wave={wave} /> : null}
                      {canEdit && commands.edit ? <EditWaveDialog projectId={project.id} wave={wave} /> : null}
                    </div>
                  </div>
                  <div className="mt-3">
                    <Runs wave={wave} t={t} format={format} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {canEdit ? (
          <section className="mt-4 rounded-md border border-slate-200 p-3" aria-label={t("planWave")}>
            <h3 className="text-sm font-semibold text-slate-900">{t("planWave")}</h3>
            <div className="mt-3">
              <AddWaveForm projectId={project.id} />
            </div>
          </section>
        ) : null}
        <p className="mt-3 text-xs text-slate-600">
          <Badge>{t("rule")}</Badge> {t("waveRule")}
        </p>
      </Card>

      <Card title={t("raciCard")}>
        {canEdit ? (
          <RaciEditor projectId={project.id} rows={plan.raci} updatedAt={plan.updatedAt} />
        ) : plan.raci.length === 0 ? (
          <EmptyState title={t("noRaciTitle")}>{t("noRaciBody")}</EmptyState>
        ) : (
          <Table caption={t("raciCaption")}>
            <thead>
              <tr>
                <Th>{t("columnActivity")}</Th>
                <Th>{t("columnPhase")}</Th>
                {RACI_ROLES.map((r) => (
                  <Th key={r.key} className="text-center">
                    {labels.role[r.key]}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {plan.raci.map((row) => (
                <tr key={row.activity}>
                  <Td className="font-medium">{row.activity}</Td>
                  <Td>{labels.phase(row.phase)}</Td>
                  {RACI_ROLES.map((r) => (
                    <Td key={r.key} className="text-center font-mono">
                      {row.assignments[r.key] ?? ""}
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card title={t("shiftCard")}>
        <p className="mb-3 text-sm text-slate-600">{t("shiftIntro")}</p>
        <ShiftView shift={shift} t={t} labels={labels} format={format} />
      </Card>
    </div>
  );
}
