"use client";

import { useActionState } from "react";
import { Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { nominateGuardianAction } from "./actions";

type Option = { id: string; name: string; email?: string };

export function NominateForm({
  projectId,
  candidates,
  sites,
}: {
  projectId: string;
  candidates: Option[];
  sites: Option[];
}) {
  const [state, formAction] = useActionState(nominateGuardianAction, initialFormState);
  return (
    <form action={formAction} className="space-y-3" aria-label="Nominate a guardian">
      <input type="hidden" name="projectId" value={projectId} />
      <Select
        label="Person"
        name="userId"
        required
        placeholder="Choose a client user…"
        options={candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
        defaultValue={state.values?.userId ?? ""}
        errors={state.fieldErrors?.userId}
        hint="Client accounts of this project's organisation. They join the project as guardians."
      />
      <Select
        label="Site"
        name="siteId"
        required
        placeholder="Choose a site…"
        options={sites.map((s) => ({ value: s.id, label: s.name }))}
        defaultValue={state.values?.siteId ?? ""}
        errors={state.fieldErrors?.siteId}
      />
      <FormMessage state={state} success="Guardian nominated." />
      <SubmitButton pendingLabel="Nominating…">Nominate guardian</SubmitButton>
    </form>
  );
}
