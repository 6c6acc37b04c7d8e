"use client";

// The forms inside the artifact checklist's dialogs (artifact-dialogs.tsx): adding a version and
// reviewing the latest one. Loaded when a dialog opens (or its button is hovered or focused), so
// they are not part of the gate page's first load.
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Input, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { addVersionAction, reviewAction } from "./actions";

/** Mounted only while the dialog is open, so a refusal from an earlier attempt never greets the next one. */
export function AddVersionForm({
  projectId,
  gateNumber,
  artifactId,
  accept,
  onDone,
}: {
  projectId: string;
  gateNumber: number;
  artifactId: string;
  accept: string;
  onDone: () => void;
}) {
  const t = useTranslations("gateArtifacts");
  const [kind, setKind] = useState<"file" | "url" | "markdown">("file");
  const [state, formAction] = useActionState(addVersionAction, initialFormState);
  useCloseOnSuccess(state, onDone);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="number" value={gateNumber} />
      <input type="hidden" name="artifactId" value={artifactId} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("kind")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["file", "url", "markdown"] as const).map((k) => (
            <label key={k} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === "file" ? t("uploadFile") : k === "url" ? t("link") : t("writeText")}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "file" ? (
        <Input
          label={t("file")}
          name="file"
          type="file"
          accept={accept}
          required
          errors={errors.file}
          hint={t("fileHint")}
        />
      ) : kind === "url" ? (
        <Input
          label={t("link")}
          name="url"
          type="url"
          required
          placeholder="https://"
          defaultValue={state.values?.url}
          errors={errors.url}
        />
      ) : (
        <Textarea
          label={t("markdown")}
          name="markdown"
          rows={8}
          required
          defaultValue={state.values?.markdown}
          errors={errors.markdown}
        />
      )}
      <Input label={t("noteLabel")} name="note" defaultValue={state.values?.note} errors={errors.note} />
      <FormMessage state={state} />
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("adding")}>{t("addVersion")}</SubmitButton>
      </div>
    </form>
  );
}

function useCloseOnSuccess(state: { ok: boolean; at?: number }, onDone: () => void) {
  const lastAt = useRef(state.at);
  useEffect(() => {
    if (state.ok && state.at !== lastAt.current) onDone();
    lastAt.current = state.at;
  }, [state, onDone]);
}

export function ReviewForm({
  projectId,
  gateNumber,
  artifactId,
  onDone,
}: {
  projectId: string;
  gateNumber: number;
  artifactId: string;
  onDone: () => void;
}) {
  const t = useTranslations("gateArtifacts");
  const [state, formAction] = useActionState(reviewAction, initialFormState);
  useCloseOnSuccess(state, onDone);
  return (
    <form action={formAction} className="space-y-4 border-t border-slate-200 pt-4">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="number" value={gateNumber} />
      <input type="hidden" name="artifactId" value={artifactId} />
      <Textarea
        label={t("comment")}
        name="comment"
        rows={4}
        defaultValue={state.values?.comment}
        errors={state.fieldErrors?.comment}
        hint={t("commentHint")}
      />
      <FormMessage state={state} />
      <div className="flex flex-wrap justify-end gap-2">
        <SubmitButton variant="secondary" name="decision" value="request_changes" pendingLabel={t("saving")}>
          {t("requestChanges")}
        </SubmitButton>
        <SubmitButton name="decision" value="approve" pendingLabel={t("saving")}>
          {t("approve")}
        </SubmitButton>
      </div>
    </form>
  );
}
