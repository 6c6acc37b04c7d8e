"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Checkbox, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { triageEscalationAction } from "./actions";

export function TriageForm({
  projectId,
  escalation,
  nextStatuses,
  assignees,
}: {
  projectId: string;
  escalation: {
    id: string;
    status: string;
    severity: string;
    blocking: boolean;
    assigneeId: string | null;
    resolution: string | null;
    version: number;
    title: string;
  };
  nextStatuses: readonly string[];
  assignees: { id: string; name: string }[];
}) {
  const t = useTranslations("escalationForms");
  const words: Record<string, string> = {
    open: t("statusOpen"),
    triaged: t("statusTriaged"),
    in_progress: t("statusInProgress"),
    resolved: t("statusResolved"),
    closed: t("statusClosed"),
    low: t("low"),
    medium: t("medium"),
    high: t("high"),
    critical: t("critical"),
  };
  const label = (s: string) => words[s] ?? s;
  const [state, formAction] = useActionState(triageEscalationAction, initialFormState);
  return (
    <form
      action={formAction}
      className="grid gap-3 sm:grid-cols-2"
      aria-label={t("triageLabel", { title: escalation.title })}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="escalationId" value={escalation.id} />
      <input type="hidden" name="expectedVersion" value={escalation.version} />
      <input type="hidden" name="blocking" value="false" />
      <Select
        label={t("status")}
        name="status"
        options={[escalation.status, ...nextStatuses].map((s) => ({
          value: s,
          label: s === escalation.status ? t("current", { status: label(s) }) : label(s),
        }))}
        defaultValue={escalation.status}
        errors={state.fieldErrors?.status}
      />
      <Select
        label={t("assignee")}
        name="assigneeId"
        placeholder={t("nobody")}
        options={assignees.map((a) => ({ value: a.id, label: a.name }))}
        defaultValue={escalation.assigneeId ?? ""}
        errors={state.fieldErrors?.assigneeId}
      />
      <Select
        label={t("severity")}
        name="severity"
        options={["low", "medium", "high", "critical"].map((s) => ({ value: s, label: label(s) }))}
        defaultValue={escalation.severity}
        errors={state.fieldErrors?.severity}
      />
      <Checkbox
        label={t("blockingGoLive")}
        name="blocking"
        value="true"
        defaultChecked={escalation.blocking}
        className="sm:pt-7"
      />
      <Textarea
        label={t("resolution")}
        name="resolution"
        rows={2}
        className="sm:col-span-2"
        hint={t("resolutionHint")}
        defaultValue={escalation.resolution ?? ""}
        errors={state.fieldErrors?.resolution}
      />
      <div className="space-y-2 sm:col-span-2">
        <FormMessage state={state} success={t("updated")} />
        <SubmitButton size="sm" pendingLabel={t("saving")}>
          {t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}
