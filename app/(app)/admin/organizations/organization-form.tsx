"use client";

import { useTranslations } from "next-intl";
import { SECTORS } from "@/db/enums";
import { Input, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createOrganizationAction } from "./actions";

export function OrganizationForm() {
  const t = useTranslations("adminOrganizations");
  const sector: Record<string, string> = {
    energy: t("sectorEnergy"),
    water: t("sectorWater"),
    gas: t("sectorGas"),
    telecom: t("sectorTelecom"),
    other: t("sectorOther"),
  };
  const { state, onSubmit, pending, formKey } = useActionForm(createOrganizationAction);
  const e = state.fieldErrors ?? {};
  return (
    <form
      key={formKey}
      onSubmit={onSubmit}
      className="grid gap-3 sm:grid-cols-[1fr_10rem_12rem_auto] sm:items-end"
      noValidate
    >
      <Input label={t("name")} name="name" errors={e.name} />
      <Select
        label={t("sector")}
        name="sector"
        errors={e.sector}
        options={SECTORS.map((s) => ({ value: s, label: sector[s] }))}
      />
      <Input label={t("country")} name="country" errors={e.country} />
      <SubmitButton pending={pending}>{t("add")}</SubmitButton>
      <div className="sm:col-span-4">
        <FormMessage state={state} success={t("added")} />
      </div>
    </form>
  );
}
