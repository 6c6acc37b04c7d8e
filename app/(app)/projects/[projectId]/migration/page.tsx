import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { getMigration, type WaveWithRuns } from "@/lib/data/migration";
import {
  PHASE_LABELS,
  RACI_ROLES,
  WAVE_STATUS_LABELS,
  waveCommands,
  type PhaseResponsibility,
} from "@/lib/domain/migration";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { PlanForm, RaciEditor } from "./plan-forms";
import { AddWaveForm, EditWaveDialog, RecordRunDialog, StartMigrationButton } from "./wave-forms";
import { formatDate } from "@/lib/display-format";

export const metadata: Metadata = { title: "Migration" };

const WAVE_TONES = {
  planned: "planned",
  rehearsing: "in_progress",
  ready: "submitted",
  migrating: "in_review",
  completed: "passed",
  failed: "failed",
} as const;
const n = (value: number) => value.toLocaleString("en");

function Runs({ wave }: { wave: WaveWithRuns }) {
  if (!wave.runs.length) return <p className="text-sm text-slate-600">No runs yet: the first run is a rehearsal.</p>;
  return (
    <Table caption={`Runs of ${wave.name}`}>
      <thead>
        <tr>
          <Th>Run</Th>
          <Th>Date</Th>
          <Th className="text-right">Extracted</Th>
          <Th className="text-right">Loaded</Th>
          <Th className="text-right">Rejected</Th>
          <Th className="text-right">Unaccounted</Th>
          <Th>Reconciliation</Th>
          <Th>Recorded by</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {wave.runs.map((r) => (
          <tr key={r.id}>
            <Td>{r.kind === "rehearsal" ? "Rehearsal" : "Production"}</Td>
            <Td className="whitespace-nowrap">{formatDate(r.ranOn)}</Td>
            <Td className="text-right tabular-nums">{n(r.extracted)}</Td>
            <Td className="text-right tabular-nums">{n(r.loaded)}</Td>
            <Td className="text-right tabular-nums">{n(r.rejected)}</Td>
            <Td className="text-right tabular-nums">{n(r.extracted - r.loaded - r.rejected)}</Td>
            <Td>
              <StatusBadge status={r.reconciliation} />
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

function ShiftView({ shift }: { shift: PhaseResponsibility[] }) {
  return (
    <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {shift.map((p) => (
        <li key={p.phase} className="rounded-md border border-slate-200 p-3">
          <p className="text-sm font-semibold text-slate-900">{p.label}</p>
          <p className="text-xs text-slate-600">
            {p.activities} activit{p.activities === 1 ? "y" : "ies"} ·{" "}
            {p.lead === "none"
              ? "nobody accountable yet"
              : p.lead === "shared"
                ? "accountability shared"
                : `${p.lead === "vendor" ? "vendor" : "client"} leads`}
          </p>
          <div className="mt-2 flex h-3 overflow-hidden rounded-full bg-slate-100" aria-hidden>
            <div className="bg-brand-700" style={{ width: `${p.activities ? p.vendorShare : 0}%` }} />
            <div className="bg-amber-500" style={{ width: `${p.activities ? 100 - p.vendorShare : 0}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-700">
            {p.activities
              ? `Vendor ${p.vendorShare}% · client ${100 - p.vendorShare}% of R and A`
              : "No activities in this phase"}
          </p>
          <p className="text-xs text-slate-600">
            Accountable: vendor {p.accountable.vendor}, client {p.accountable.client}
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

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">Data migration</h2>
        <p className="text-sm text-slate-600">
          The plan, waves per segment with their rehearsals and production runs, and who is responsible for what.
          {canEdit ? "" : " You can read the plan; the project manager and the project's integrators edit it."}
        </p>
      </div>

      <Card title="Migration plan">
        {canEdit ? (
          <PlanForm projectId={project.id} plan={plan} />
        ) : hasPlan ? (
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            {(
              [
                ["Scenario", plan.scenario],
                ["Scope", plan.scope],
                ["Source systems", plan.sourceSystems],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt className="font-medium text-slate-800">{label}</dt>
                <dd className="whitespace-pre-line text-slate-700">{value || "—"}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <EmptyState title="No migration plan yet">The project team has not described the migration yet.</EmptyState>
        )}
      </Card>

      <Card title={`Waves (${waves.length})`}>
        {waves.length === 0 ? (
          <EmptyState title="No waves planned">
            {canEdit
              ? "Plan the first wave below: one per segment and source system."
              : "No migration wave is planned yet."}
          </EmptyState>
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
                        {wave.segment} · from {wave.sourceSystem}
                        {wave.module ? ` · ${wave.module}` : ""} · planned {formatDate(wave.plannedDate)}
                      </p>
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      <StatusBadge status={WAVE_TONES[wave.status]} label={WAVE_STATUS_LABELS[wave.status]} />
                      {canEdit && commands.runKinds.length ? (
                        <RecordRunDialog projectId={project.id} wave={wave} kinds={commands.runKinds} />
                      ) : null}
                      {canEdit && commands.start ? <StartMigrationButton projectId={project.id} wave={wave} /> : null}
                      {canEdit && commands.edit ? <EditWaveDialog projectId={project.id} wave={wave} /> : null}
                    </div>
                  </div>
                  <div className="mt-3">
                    <Runs wave={wave} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {canEdit ? (
          <section className="mt-4 rounded-md border border-slate-200 p-3" aria-label="Plan a wave">
            <h3 className="text-sm font-semibold text-slate-900">Plan a wave</h3>
            <div className="mt-3">
              <AddWaveForm projectId={project.id} />
            </div>
          </section>
        ) : null}
        <p className="mt-3 text-xs text-slate-600">
          <Badge>Rule</Badge> A wave is ready after a rehearsal passes reconciliation; a production run needs that
          first. The status follows the runs.
        </p>
      </Card>

      <Card title="RACI of migration activities">
        {canEdit ? (
          <RaciEditor projectId={project.id} rows={plan.raci} updatedAt={plan.updatedAt} />
        ) : plan.raci.length === 0 ? (
          <EmptyState title="No RACI yet">
            Who is responsible, accountable, consulted and informed has not been set yet.
          </EmptyState>
        ) : (
          <Table caption="RACI matrix of migration activities">
            <thead>
              <tr>
                <Th>Activity</Th>
                <Th>Phase</Th>
                {RACI_ROLES.map((r) => (
                  <Th key={r.key} className="text-center">
                    {r.label}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {plan.raci.map((row) => (
                <tr key={row.activity}>
                  <Td className="font-medium">{row.activity}</Td>
                  <Td>{PHASE_LABELS[row.phase as keyof typeof PHASE_LABELS] ?? row.phase}</Td>
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

      <Card title="How responsibility moves from vendor to client">
        <p className="mb-3 text-sm text-slate-600">
          Derived from the RACI: the share of responsible and accountable assignments held by the vendor side (PM, team,
          integrator) and the client side (owner, IT, guardians, helpdesk), phase by phase.
        </p>
        <ShiftView shift={shift} />
      </Card>
    </div>
  );
}
