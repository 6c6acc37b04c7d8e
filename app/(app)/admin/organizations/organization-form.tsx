"use client";

import { SECTORS } from "@/db/enums";
import { humanize } from "@/components/ui/badge";
import { Input, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createOrganizationAction } from "./actions";

export function OrganizationForm() {
  const { state, onSubmit, pending, formKey } = useActionForm(createOrganizationAction);
  const e = state.fieldErrors ?? {};
  return (
    <form
      key={formKey}
      onSubmit={onSubmit}
      className="grid gap-3 sm:grid-cols-[1fr_10rem_12rem_auto] sm:items-end"
      noValidate
    >
      <Input label="Name" name="name" errors={e.name} />
      <Select
        label="Sector"
        name="sector"
        errors={e.sector}
        options={SECTORS.map((s) => ({ value: s, label: humanize(s) }))}
      />
      <Input label="Country" name="country" errors={e.country} />
      <SubmitButton pending={pending}>Add organisation</SubmitButton>
      <div className="sm:col-span-4">
        <FormMessage state={state} success="Organisation added." />
      </div>
    </form>
  );
}
