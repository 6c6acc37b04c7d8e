"use client";

import { useActionState } from "react";
import { Checkbox, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { triageEscalationAction } from "./actions";

const label = (s: string) => (s[0].toUpperCase() + s.slice(1)).replace("_", " ");

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
  const [state, formAction] = useActionState(triageEscalationAction, initialFormState);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" aria-label={`Triage ${escalation.title}`}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="escalationId" value={escalation.id} />
      <input type="hidden" name="expectedVersion" value={escalation.version} />
      <input type="hidden" name="blocking" value="false" />
      <Select
        label="Status"
        name="status"
        options={[escalation.status, ...nextStatuses].map((s) => ({
          value: s,
          label: s === escalation.status ? `${label(s)} (current)` : label(s),
        }))}
        defaultValue={escalation.status}
        errors={state.fieldErrors?.status}
      />
      <Select
        label="Assignee"
        name="assigneeId"
        placeholder="Nobody"
        options={assignees.map((a) => ({ value: a.id, label: a.name }))}
        defaultValue={escalation.assigneeId ?? ""}
        errors={state.fieldErrors?.assigneeId}
      />
      <Select
        label="Severity"
        name="severity"
        options={["low", "medium", "high", "critical"].map((s) => ({ value: s, label: label(s) }))}
        defaultValue={escalation.severity}
        errors={state.fieldErrors?.severity}
      />
      <Checkbox
        label="Blocking go-live"
        name="blocking"
        value="true"
        defaultChecked={escalation.blocking}
        className="sm:pt-7"
      />
      <Textarea
        label="Resolution"
        name="resolution"
        rows={2}
        className="sm:col-span-2"
        hint="Required before marking it resolved; the guardian sees it."
        defaultValue={escalation.resolution ?? ""}
        errors={state.fieldErrors?.resolution}
      />
      <div className="space-y-2 sm:col-span-2">
        <FormMessage state={state} success="Escalation updated." />
        <SubmitButton size="sm" pendingLabel="Saving…">
          Save triage
        </SubmitButton>
      </div>
    </form>
  );
}
