"use client";

import { useActionState } from "react";
import { SECTORS } from "@/db/schema";
import { humanize } from "@/components/ui/badge";
import { Input, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { createOrganizationAction } from "./actions";

export function OrganizationForm() {
  const [state, action] = useActionState(createOrganizationAction, initialFormState);
  const e = state.fieldErrors ?? {};
  return (
    <form key={state.at} action={action} className="grid gap-3 sm:grid-cols-[1fr_10rem_12rem_auto] sm:items-end" noValidate>
      <Input label="Name" name="name" errors={e.name} defaultValue={state.ok ? "" : state.values?.name} />
      <Select label="Sector" name="sector" errors={e.sector} defaultValue={state.ok ? undefined : state.values?.sector} options={SECTORS.map((s) => ({ value: s, label: humanize(s) }))} />
      <Input label="Country" name="country" errors={e.country} defaultValue={state.ok ? "" : state.values?.country} />
      <SubmitButton>Add organisation</SubmitButton>
      <div className="sm:col-span-4">
        <FormMessage state={state} success="Organisation added." />
      </div>
    </form>
  );
}
