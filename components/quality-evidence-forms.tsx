"use client";

// Recording evidence for one required activity (the dialog; its form, quality-evidence-form.tsx,
// loads on demand), and the escaped-defects count of a sprint.
import { useTranslations } from "next-intl";
import { lazy, useActionState, useState } from "react";
import { recordEscapedDefectsAction } from "@/app/(app)/projects/[projectId]/quality/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { LoadingOnDemand } from "@/components/ui/loading-on-demand";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";

const loadEvidenceForm = () => import("@/components/quality-evidence-form");
const EvidenceForm = lazy(() => loadEvidenceForm().then((m) => ({ default: m.EvidenceForm })));

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
  const t = useTranslations("qualityEvidence");
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("title", { activity: activity.name })}
      description={t("description")}
      trigger={
        <Button
          variant="secondary"
          size="sm"
          aria-label={t("recordFor", { activity: activity.name })}
          onPointerEnter={() => void loadEvidenceForm()}
          onFocus={() => void loadEvidenceForm()}
        >
          {t("record")}
        </Button>
      }
    >
      <LoadingOnDemand>
        <EvidenceForm
          projectId={projectId}
          sprintId={sprintId}
          releaseId={releaseId}
          activity={activity}
          accept={accept}
          onDone={() => setOpen(false)}
        />
      </LoadingOnDemand>
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
