"use client";

// The sprint's workflow buttons (start, submit for review, reopen), at the top of its page.
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import { reopenSprintAction, startSprintAction, submitReviewAction } from "./actions";

type Command = (state: FormState, data: FormData) => Promise<FormState>;

function CommandButton({
  action,
  projectId,
  sprintId,
  version,
  label,
  confirm,
}: {
  action: Command;
  projectId: string;
  sprintId: string;
  version: number;
  label: string;
  confirm?: { title: string; description: string };
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const warnings = (state.data as { warnings?: string[] } | undefined)?.warnings;
  return (
    <form ref={formRef} action={formAction} className="space-y-2">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="sprintId" value={sprintId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {confirm ? (
        <ConfirmDialog
          variant="primary"
          trigger={<Button>{label}</Button>}
          title={confirm.title}
          description={confirm.description}
          confirmLabel={label}
          onConfirm={() => formRef.current?.requestSubmit()}
        />
      ) : (
        <SubmitButton>{label}</SubmitButton>
      )}
      <FormMessage state={state} />
      {state.ok && warnings?.length ? (
        <p role="status" className="text-sm text-amber-800">
          {warnings.join(" ")}
        </p>
      ) : null}
    </form>
  );
}

export function StartSprintButton(props: { projectId: string; sprintId: string; version: number }) {
  const t = useTranslations("sprintForms");
  return <CommandButton {...props} action={startSprintAction} label={t("startSprint")} />;
}

export function SubmitReviewButton(props: { projectId: string; sprintId: string; version: number }) {
  const t = useTranslations("sprintForms");
  return (
    <CommandButton
      {...props}
      action={submitReviewAction}
      label={t("submitForReview")}
      confirm={{ title: t("submitConfirmTitle"), description: t("submitConfirmBody") }}
    />
  );
}

export function ReopenSprintButton(props: { projectId: string; sprintId: string; version: number }) {
  const t = useTranslations("sprintForms");
  return <CommandButton {...props} action={reopenSprintAction} label={t("reopen")} />;
}
