"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { createSiteAction } from "./actions";

export function SiteForm({ projectId }: { projectId: string }) {
  const [state, formAction] = useActionState(createSiteAction, initialFormState);
  const ref = useRef<HTMLFormElement>(null);
  const t = useTranslations("siteForm");
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={formAction} className="space-y-3" aria-label={t("label")}>
      <input type="hidden" name="projectId" value={projectId} />
      <Input
        label={t("name")}
        name="name"
        required
        maxLength={120}
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <Input
        label={t("location")}
        name="location"
        maxLength={200}
        hint={t("locationHint")}
        defaultValue={state.values?.location}
        errors={state.fieldErrors?.location}
      />
      <FormMessage state={state} success={t("added")} />
      <SubmitButton pendingLabel={t("adding")}>{t("submit")}</SubmitButton>
    </form>
  );
}
