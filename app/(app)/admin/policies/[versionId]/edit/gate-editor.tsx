"use client";

// One gate of the policy editor: name, objectives, decision rule, planned date, whether go-live
// needs it, default board, artifacts and who approves each.
import { useTranslations } from "next-intl";
import { DECISION_RULES, PROJECT_ROLES, SIZE_CLASSES } from "@/db/enums";
import type { PolicyGate, ProjectRole, Requirement } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";

type Props = {
  gate: PolicyGate;
  index: number;
  /** Artifact keys that exist in the published version: their key is their identity and stays fixed. */
  publishedKeys: Set<string>;
  errors: Record<string, string[]>;
  onChange: (gate: PolicyGate) => void;
};

export function GateEditor({ gate, index, publishedKeys, errors, onChange }: Props) {
  const t = useTranslations("gateEditor");
  const SEAT_OPTIONS = [
    { value: "", label: t("seatNone") },
    { value: "member", label: t("seatMember") },
    { value: "required", label: t("seatRequired") },
  ];
  const ANCHOR_OPTIONS = [
    { value: "", label: t("anchorSpread") },
    { value: "start", label: t("anchorStart") },
    { value: "go_live", label: t("anchorGoLive") },
  ];
  const REQUIREMENT_OPTIONS = [
    { value: "", label: t("notRequired") },
    { value: "must", label: t("must") },
    { value: "should", label: t("should") },
  ];
  const roleLabel = (role: ProjectRole) =>
    ({
      project_manager: t("roleProjectManager"),
      team_member: t("roleTeamMember"),
      integrator: t("roleIntegrator"),
      client_owner: t("roleClientOwner"),
      guardian: t("roleGuardian"),
      client_viewer: t("roleClientViewer"),
    })[role];
  const sizeLabel = (size: string) =>
    ({ small: t("sizeSmall"), standard: t("sizeStandard"), large: t("sizeLarge") })[size] ?? size;
  const ruleLabel = (rule: string) =>
    ({ unanimous: t("ruleUnanimous"), quorum: t("ruleQuorum"), majority: t("ruleMajority") })[rule] ?? rule;
  const at = `gates.${index}`;
  const of = <span className="sr-only">{t("ofGate", { number: gate.number })}</span>;
  const set = (patch: Partial<PolicyGate>) => onChange({ ...gate, ...patch });
  const setArtifact = (a: number, patch: Partial<PolicyGate["artifactTypes"][number]>) =>
    set({ artifactTypes: gate.artifactTypes.map((t, i) => (i === a ? { ...t, ...patch } : t)) });
  const seatOf = (role: ProjectRole) => {
    const seat = gate.defaultBoard.find((s) => s.projectRole === role);
    return seat ? (seat.required ? "required" : "member") : "";
  };
  const setSeat = (role: ProjectRole, value: string) => {
    const others = gate.defaultBoard.filter((s) => s.projectRole !== role);
    const board = value ? [...others, { projectRole: role, required: value === "required" }] : others;
    // Keep the board in the order of PROJECT_ROLES so unchanged boards compare equal.
    set({ defaultBoard: PROJECT_ROLES.flatMap((r) => board.filter((s) => s.projectRole === r)) });
  };
  const gateErrors = Object.entries(errors).filter(([path]) => path === at || path.startsWith(`${at}.`));

  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-describedby={gateErrors.length ? `${at}-errors` : undefined}
    >
      <legend className="px-1 text-base font-semibold text-slate-900">{t("gate", { number: gate.number })}</legend>
      {gateErrors.length ? (
        <p id={`${at}-errors`} className="mb-3 text-sm text-red-700">
          {t("problems", { count: gateErrors.length })}
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Input
          label={
            <>
              {t("name")}
              {of}
            </>
          }
          value={gate.name}
          errors={errors[`${at}.name`]}
          onChange={(e) => set({ name: e.target.value })}
        />
        <div className="grid grid-cols-2 gap-3">
          <Select
            label={
              <>
                {t("decisionRule")}
                {of}
              </>
            }
            value={gate.decisionRule}
            errors={errors[`${at}.decisionRule`]}
            options={DECISION_RULES.map((r) => ({ value: r, label: ruleLabel(r) }))}
            onChange={(e) => {
              const rule = e.target.value as PolicyGate["decisionRule"];
              set({ decisionRule: rule, quorum: rule === "quorum" ? (gate.quorum ?? 2) : null });
            }}
          />
          {gate.decisionRule === "quorum" ? (
            <Input
              label={
                <>
                  {t("quorum")}
                  {of}
                </>
              }
              type="number"
              min={1}
              inputMode="numeric"
              value={gate.quorum ?? ""}
              errors={errors[`${at}.quorum`]}
              onChange={(e) => set({ quorum: e.target.value === "" ? null : Number(e.target.value) })}
            />
          ) : null}
        </div>
        <Textarea
          label={
            <>
              {t("objectives")}
              {of}
            </>
          }
          className="md:col-span-2"
          rows={2}
          value={gate.objectives}
          errors={errors[`${at}.objectives`]}
          onChange={(e) => set({ objectives: e.target.value })}
        />
        <div className="grid grid-cols-[minmax(0,2fr)_minmax(6rem,1fr)] gap-3">
          <Select
            label={
              <>
                {t("plannedDate")}
                {of}
              </>
            }
            value={gate.schedule?.anchor ?? ""}
            errors={errors[`${at}.schedule`] ?? errors[`${at}.schedule.anchor`]}
            options={ANCHOR_OPTIONS}
            onChange={(e) => {
              const anchor = e.target.value as "" | "start" | "go_live";
              set({
                schedule: anchor ? { anchor, days: gate.schedule?.days ?? (anchor === "start" ? 30 : -30) } : null,
              });
            }}
          />
          {gate.schedule ? (
            <Input
              label={
                <>
                  {t("days")}
                  {of}
                </>
              }
              type="number"
              inputMode="numeric"
              step={1}
              value={Number.isNaN(gate.schedule.days) ? "" : gate.schedule.days}
              errors={errors[`${at}.schedule.days`]}
              onChange={(e) =>
                set({
                  schedule: {
                    anchor: gate.schedule!.anchor,
                    days: e.target.value === "" ? Number.NaN : Number(e.target.value),
                  },
                })
              }
            />
          ) : null}
        </div>
        <Checkbox
          className="md:self-end md:pb-2"
          label={
            <>
              {t("requiredBeforeGoLive")}
              {of}
            </>
          }
          checked={Boolean(gate.requiredBeforeGoLive)}
          onChange={(e) => set({ requiredBeforeGoLive: e.target.checked || undefined })}
        />
      </div>

      <fieldset className="mt-4">
        <legend className="text-sm font-semibold text-slate-900">
          {t("defaultBoard")}
          {of}
        </legend>
        <p className="text-xs text-slate-600">{t("boardHint")}</p>
        {errors[`${at}.defaultBoard`] ? (
          <p className="mt-1 text-sm text-red-700" role="alert">
            {errors[`${at}.defaultBoard`].join(" ")}
          </p>
        ) : null}
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {PROJECT_ROLES.map((role) => (
            <Select
              key={role}
              label={
                <>
                  {roleLabel(role)}
                  {of}
                </>
              }
              value={seatOf(role)}
              options={SEAT_OPTIONS}
              onChange={(e) => setSeat(role, e.target.value)}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="mt-4">
        <legend className="text-sm font-semibold text-slate-900">
          {t("artifacts")}
          {of}
        </legend>
        <p className="text-xs text-slate-600">{t("artifactsHint")}</p>
        <ul className="mt-2 space-y-3">
          {gate.artifactTypes.map((artifact, a) => {
            const path = `${at}.artifactTypes.${a}`;
            const fixedKey = publishedKeys.has(artifact.key);
            return (
              <li
                key={a}
                className={
                  "grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-2 " +
                  "lg:grid-cols-[minmax(12rem,2fr)_minmax(9rem,1fr)_repeat(3,7.5rem)_auto] lg:items-start"
                }
              >
                <Input
                  label={t("title")}
                  value={artifact.title}
                  errors={errors[`${path}.title`]}
                  onChange={(e) => setArtifact(a, { title: e.target.value })}
                />
                <Input
                  label={t("key")}
                  value={artifact.key}
                  readOnly={fixedKey}
                  hint={fixedKey ? t("keyFixed") : t("keyExample")}
                  errors={errors[`${path}.key`]}
                  onChange={(e) => setArtifact(a, { key: e.target.value.trim().toLowerCase() })}
                />
                {SIZE_CLASSES.map((size) => (
                  <Select
                    key={size}
                    label={sizeLabel(size)}
                    value={artifact.requirement[size] ?? ""}
                    errors={size === "small" ? errors[`${path}.requirement`] : undefined}
                    options={REQUIREMENT_OPTIONS}
                    onChange={(e) =>
                      setArtifact(a, {
                        requirement: {
                          ...artifact.requirement,
                          [size]: (e.target.value || undefined) as Requirement | undefined,
                        },
                      })
                    }
                  />
                ))}
                <fieldset className="sm:col-span-2 lg:col-start-1 lg:col-end-6">
                  <legend className="text-xs font-medium text-slate-700">{t("approvedBy")}</legend>
                  <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                    {PROJECT_ROLES.map((role) => (
                      <Checkbox
                        key={role}
                        label={roleLabel(role)}
                        aria-label={t("approves", {
                          role: roleLabel(role),
                          artifact: artifact.title || t("artifactNumber", { number: a + 1 }),
                          number: gate.number,
                        })}
                        checked={artifact.approverRoles?.includes(role) ?? false}
                        onChange={(e) => {
                          const chosen = new Set(artifact.approverRoles ?? []);
                          if (e.target.checked) chosen.add(role);
                          else chosen.delete(role);
                          const roles = PROJECT_ROLES.filter((r) => chosen.has(r));
                          setArtifact(a, { approverRoles: roles.length ? roles : undefined });
                        }}
                      />
                    ))}
                  </div>
                  {errors[`${path}.approverRoles`] ? (
                    <p className="mt-1 text-sm text-red-700" role="alert">
                      {errors[`${path}.approverRoles`].join(" ")}
                    </p>
                  ) : null}
                </fieldset>
                <div className="lg:col-start-6 lg:row-start-1 lg:pt-6">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t("removeArtifact", { artifact: artifact.title || a + 1, number: gate.number })}
                    onClick={() => set({ artifactTypes: gate.artifactTypes.filter((_, i) => i !== a) })}
                  >
                    {t("remove")}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          onClick={() =>
            set({
              artifactTypes: [
                ...gate.artifactTypes,
                { key: "", title: "", requirement: { standard: "must", large: "must" } },
              ],
            })
          }
        >
          {t("addArtifact", { number: gate.number })}
        </Button>
      </fieldset>
    </fieldset>
  );
}
