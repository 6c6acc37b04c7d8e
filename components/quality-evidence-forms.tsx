"use client";

// Recording evidence for one required activity, and the escaped-defects count of a sprint.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import {
  recordEscapedDefectsAction,
  recordEvidenceAction,
  recordReleaseEvidenceAction,
} from "@/app/(app)/projects/[projectId]/quality/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";

export function EvidenceDialog({
  projectId,
  sprintId,
  releaseId,
  activity,
  accept,
}: {
  projectId: string;
  /** Evidence for a sprint's standard (its own or the one it inherits), or for a release's. */
  sprintId?: string;
  releaseId?: string;
  activity: { key: string; name: string };
  /** The upload allow-list (lib/data/uploads), as the file input's accept attribute. */
  accept: string;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: FormState, data: FormData) => {
    // Close the dialog once saved; errors keep it open beside the fields.
    const next = await (releaseId ? recordReleaseEvidenceAction : recordEvidenceAction)(previous, data);
    if (next.ok) setOpen(false);
    return next;
  }, initialFormState);
  const [result, setResult] = useState("passed");
  const errors = state.fieldErrors ?? {};
  const t = useTranslations("qualityEvidence");
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("title", { activity: activity.name })}
      description={t("description")}
      trigger={
        <Button variant="secondary" size="sm" aria-label={t("recordFor", { activity: activity.name })}>
          {t("record")}
        </Button>
      }
    >
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
    </Dialog>
  );
}

export function EscapedDefectsForm({
  projectId,
  sprintId,
  escapedDefects,
  version,
  sprintNumber,
}: {
  projectId: string;
  sprintId: string;
  escapedDefects: number;
  version: number;
  sprintNumber: number;
}) {
  const [state, formAction] = useActionState(recordEscapedDefectsAction, initialFormState);
  const t = useTranslations("qualityEvidence");
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="sprintId" value={sprintId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Input
        label={t("escapedDefects", { sprint: sprintNumber })}
        name="escapedDefects"
        type="number"
        min={0}
        inputMode="numeric"
        className="w-full max-w-xs"
        defaultValue={state.values?.escapedDefects ?? String(escapedDefects)}
        errors={state.fieldErrors?.escapedDefects}
      />
      <SubmitButton variant="secondary" size="sm" pendingLabel={t("saving")}>
        {t("save")}
      </SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} success={t("saved")} />
      </div>
    </form>
  );
}
