"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, Td, Th } from "@/components/ui/table";
import { checkRaci, MIGRATION_PHASES, RACI_LETTERS, RACI_ROLES, type RaciRow } from "@/lib/domain/migration";
import { initialFormState } from "@/lib/form-state";
import { useRaciProblemText } from "@/lib/raci-problems";
import { saveRaciAction, updatePlanAction } from "./actions";
import { useMigrationLabels } from "./labels";

type Plan = { scenario: string; scope: string; sourceSystems: string; updatedAt: string | null };

export function PlanForm({ projectId, plan }: { projectId: string; plan: Plan }) {
  const t = useTranslations("migrationPlan");
  const [state, submit] = useActionState(updatePlanAction, initialFormState);
  const value = (name: keyof Plan) => (state.ok ? undefined : state.values?.[name]) ?? plan[name] ?? "";
  const e = state.fieldErrors ?? {};
  return (
    <form action={submit} className="space-y-3" aria-label={t("planLabel")}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="expectedUpdatedAt" value={plan.updatedAt ?? ""} />
      <Textarea
        label={t("scenario")}
        name="scenario"
        rows={3}
        maxLength={4000}
        hint={t("scenarioHint")}
        defaultValue={value("scenario")}
        errors={e.scenario}
      />
      <Textarea
        label={t("scope")}
        name="scope"
        rows={2}
        maxLength={4000}
        hint={t("scopeHint")}
        defaultValue={value("scope")}
        errors={e.scope}
      />
      <Textarea
        label={t("sourceSystems")}
        name="sourceSystems"
        rows={1}
        maxLength={1000}
        defaultValue={value("sourceSystems")}
        errors={e.sourceSystems}
      />
      <div className="flex items-center gap-3">
        <SubmitButton>{t("savePlan")}</SubmitButton>
        <FormMessage state={state} success={t("planSaved")} />
      </div>
    </form>
  );
}

const emptyRow = (): RaciRow => ({ activity: "", phase: "design", assignments: {} });

/** The reader's words for the phases, the roles and what is wrong with a row of the matrix. */
function useRaciLabels() {
  const { phase, role } = useMigrationLabels();
  const problem = useRaciProblemText();
  return { phase, role, problem };
}

/** The RACI matrix as an editable grid; the whole matrix is saved at once and checked on the server. */
export function RaciEditor({
  projectId,
  rows: initialRows,
  updatedAt,
}: {
  projectId: string;
  rows: RaciRow[];
  updatedAt: string | null;
}) {
  const t = useTranslations("migrationPlan");
  const labels = useRaciLabels();
  const [rows, setRows] = useState<RaciRow[]>(initialRows.length ? initialRows : [emptyRow()]);
  const [state, submit] = useActionState(saveRaciAction, initialFormState);
  const problems = checkRaci(rows);
  const problemRows = new Set(problems.map((p) => p.row));
  const update = (index: number, change: (row: RaciRow) => RaciRow) =>
    setRows((all) => all.map((r, i) => (i === index ? change(r) : r)));
  const serverErrors = state.fieldErrors?.rows;
  return (
    <form action={submit} className="space-y-3" aria-label={t("raciLabel")}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="expectedUpdatedAt" value={updatedAt ?? ""} />
      <input type="hidden" name="rows" value={JSON.stringify(rows)} />
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
            <Th>{t("columnRemove")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, index) => (
            <tr key={index} className={problemRows.has(index) ? "bg-amber-50" : undefined}>
              <Td>
                <input
                  aria-label={t("activityAria", { number: index + 1 })}
                  className="w-48 rounded border border-slate-300 px-2 py-1 text-sm"
                  value={row.activity}
                  maxLength={200}
                  onChange={(e) => update(index, (r) => ({ ...r, activity: e.target.value }))}
                />
              </Td>
              <Td>
                <select
                  aria-label={t("phaseAria", { number: index + 1 })}
                  className="rounded border border-slate-300 px-1 py-1 text-sm"
                  value={row.phase}
                  onChange={(e) => update(index, (r) => ({ ...r, phase: e.target.value }))}
                >
                  {MIGRATION_PHASES.map((p) => (
                    <option key={p} value={p}>
                      {labels.phase[p]}
                    </option>
                  ))}
                </select>
              </Td>
              {RACI_ROLES.map((role) => (
                <Td key={role.key} className="text-center">
                  <select
                    aria-label={t("roleAria", {
                      role: labels.role[role.key],
                      activity: row.activity || t("activityFallback", { number: index + 1 }),
                    })}
                    className="rounded border border-slate-300 px-1 py-1 text-sm"
                    value={row.assignments[role.key] ?? ""}
                    onChange={(e) =>
                      update(index, (r) => ({ ...r, assignments: { ...r.assignments, [role.key]: e.target.value } }))
                    }
                  >
                    <option value="">–</option>
                    {RACI_LETTERS.map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </select>
                </Td>
              ))}
              <Td>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t("removeAria", { activity: row.activity || String(index + 1) })}
                  onClick={() => setRows((all) => all.filter((_, i) => i !== index))}
                >
                  {t("remove")}
                </Button>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {problems.length ? (
        <ul className="list-inside list-disc text-sm text-amber-900" aria-live="polite">
          {problems.map((p, i) => (
            <li key={i}>{labels.problem(p)}</li>
          ))}
        </ul>
      ) : null}
      {serverErrors?.length ? (
        <ul role="alert" className="list-inside list-disc text-sm text-red-700">
          {serverErrors.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => setRows((all) => [...all, emptyRow()])}>
          {t("addActivity")}
        </Button>
        <SubmitButton>{t("saveRaci")}</SubmitButton>
        <FormMessage state={state} success={t("raciSaved")} />
      </div>
      <p className="text-xs text-slate-600">{t("legend")}</p>
    </form>
  );
}
