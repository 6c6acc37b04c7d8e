"use client";

// The form inside EvidenceDialog (quality-evidence-forms.tsx), loaded when the dialog opens or
// its button is hovered or focused, so pages with a quality panel do not load it up front.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { recordEvidenceAction, recordReleaseEvidenceAction } from "@/app/(app)/projects/[projectId]/quality/actions";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";

export function EvidenceForm({
  projectId,
  sprintId,
  releaseId,
  activity,
  accept,
  onDone,
}: {
  projectId: string;
  sprintId?: string;
  releaseId?: string;
  activity: { key: string; name: string };
  accept: string;
  onDone: () => void;
}) {
  const [state, formAction, pending] = useActionState(async (previous: FormState, data: FormData) => {
    // Close the dialog once saved; errors keep it open beside the fields.
    const next = await (releaseId ? recordReleaseEvidenceAction : recordEvidenceAction)(previous, data);
    if (next.ok) onDone();
    return next;
  }, initialFormState);
  const [result, setResult] = useState("passed");
  const errors = state.fieldErrors ?? {};
  const t = useTranslations("qualityEvidence");
  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-3">
      <input type="hidden" name="projectId" value={projectId} />
      {releaseId ? (
        <input type="hidden" name="releaseId" value={releaseId} />
      ) : (
        <input type="hidden" name="sprintId" value={sprintId} />
      )}
      <input type="hidden" name="activityKey" value={activity.key} />
      <Select
        label={t("result")}
        name="result"
        value={result}
        onChange={(e) => setResult(e.target.value)}
        errors={errors.result}
        options={[
          { value: "passed", label: t("passed") },
          { value: "failed", label: t("failed") },
          { value: "waived", label: t("waived") },
        ]}
      />
      <Textarea
        label={result === "waived" ? t("waiverReason") : t("notes")}
        name="reason"
        rows={3}
        defaultValue={state.values?.reason ?? ""}
        errors={errors.reason}
      />
      <Input
        label={t("link")}
        name="link"
        type="url"
        placeholder="https://…"
        defaultValue={state.values?.link ?? ""}
        errors={errors.link}
      />
      <Input
        label={t("file")}
        name="file"
        type="file"
        accept={accept}
        errors={errors.file}
        hint={t("fileHint", { types: accept.replaceAll(".", "").replaceAll(",", ", ") })}
      />
      <FormMessage state={state} />
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("recording") : t("record")}
        </Button>
      </div>
    </form>
  );
}
