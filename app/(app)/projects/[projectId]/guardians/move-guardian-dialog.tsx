"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import { moveGuardianAction } from "./actions";

export function MoveGuardianDialog({
  projectId,
  guardian,
  sites,
}: {
  projectId: string;
  guardian: { id: string; name: string; version: number; siteId: string };
  sites: { id: string; name: string }[];
}) {
  const [open, setOpen] = useState(false);
  const t = useTranslations("moveGuardian");
  // Close the dialog once the move went through.
  const [state, formAction] = useActionState(async (previous: FormState, formData: FormData) => {
    const result = await moveGuardianAction(previous, formData);
    if (result.ok) setOpen(false);
    return result;
  }, initialFormState);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="ghost" size="sm" aria-label={t("buttonLabel", { name: guardian.name })}>
          {t("button")}
        </Button>
      }
      title={t("title", { name: guardian.name })}
      description={t("description")}
    >
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="guardianId" value={guardian.id} />
        <input type="hidden" name="expectedVersion" value={guardian.version} />
        <Select
          label={t("site")}
          name="siteId"
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          defaultValue={guardian.siteId}
          errors={state.fieldErrors?.siteId}
        />
        <FormMessage state={state} />
        <SubmitButton pendingLabel={t("moving")}>{t("submit")}</SubmitButton>
      </form>
    </Dialog>
  );
}
