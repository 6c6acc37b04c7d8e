"use client";

import { useActionState, useEffect, useRef } from "react";
import { SECTORS } from "@/db/schema";
import { humanize } from "@/components/ui/badge";
import { Input, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { createOrganizationAction } from "./actions";

export function OrganizationForm() {
  const [state, action] = useActionState(createOrganizationAction, initialFormState);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  const e = state.fieldErrors ?? {};
  return (
    <form ref={ref} action={action} className="grid gap-3 sm:grid-cols-[1fr_10rem_12rem_auto] sm:items-end" noValidate>
      <Input label="Name" name="name" errors={e.name} />
      <Select label="Sector" name="sector" errors={e.sector} options={SECTORS.map((s) => ({ value: s, label: humanize(s) }))} />
      <Input label="Country" name="country" errors={e.country} />
      <SubmitButton>Add organisation</SubmitButton>
      <div className="sm:col-span-4">
        <FormMessage state={state} success="Organisation added." />
      </div>
    </form>
  );
}
