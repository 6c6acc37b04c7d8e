"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("nominateGuardian");
  return (
    <form action={formAction} className="space-y-3" aria-label={t("label")}>
      <input type="hidden" name="projectId" value={projectId} />
      <Select
        label={t("person")}
        name="userId"
        required
        placeholder={t("choosePerson")}
        options={candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
        defaultValue={state.values?.userId ?? ""}
        errors={state.fieldErrors?.userId}
        hint={t("personHint")}
      />
      <Select
        label={t("site")}
        name="siteId"
        required
        placeholder={t("chooseSite")}
        options={sites.map((s) => ({ value: s.id, label: s.name }))}
        defaultValue={state.values?.siteId ?? ""}
        errors={state.fieldErrors?.siteId}
      />
      <FormMessage state={state} success={t("nominated")} />
      <SubmitButton pendingLabel={t("nominating")}>{t("submit")}</SubmitButton>
    </form>
  );
}
