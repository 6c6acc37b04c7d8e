"use client";

import { useActionState, useEffect, useRef } from "react";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { createSiteAction } from "./actions";

export function SiteForm({ projectId }: { projectId: string }) {
  const [state, formAction] = useActionState(createSiteAction, initialFormState);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={formAction} className="space-y-3" aria-label="Add a site">
      <input type="hidden" name="projectId" value={projectId} />
      <Input
        label="Site name"
        name="name"
        required
        maxLength={120}
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <Input
        label="Location"
        name="location"
        maxLength={200}
        hint="Address or unit, optional."
        defaultValue={state.values?.location}
        errors={state.fieldErrors?.location}
      />
      <FormMessage state={state} success="Site added." />
      <SubmitButton pendingLabel="Adding…">Add site</SubmitButton>
    </form>
  );
}
