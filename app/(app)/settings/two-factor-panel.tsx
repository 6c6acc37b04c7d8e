"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  confirmEnrolmentAction,
  regenerateRecoveryCodesAction,
  startEnrolmentAction,
  turnOffAction,
} from "./two-factor-actions";

/**
 * `enabledOn` is a date the server formatted, and `enrolment` (the steps, QR code, key and expiry of an
 * enrolment under way, or null) markup the server rendered: this panel loads no formatter and no static text.
 */
export function TwoFactorPanel({
  enabled,
  enabledOn,
  recoveryCodesLeft,
  required,
  enrolment,
  expired,
}: {
  enabled: boolean;
  enabledOn: string;
  recoveryCodesLeft: number;
  required: boolean;
  enrolment: ReactNode;
  expired: boolean;
}) {
  const t = useTranslations("twoFactor");
  const [starting, startTransition] = useTransition();
  const [startError, setStartError] = useState<string | null>(null);
  const confirm = useActionForm(confirmEnrolmentAction);
  const recoveryCodes = confirm.state.ok && Array.isArray(confirm.state.data) ? confirm.state.data : null;
  const regenerate = useActionForm(regenerateRecoveryCodesAction);
  const newCodes = regenerate.state.ok && Array.isArray(regenerate.state.data) ? regenerate.state.data : null;
  const start = () =>
    startTransition(async () => {
      const result = await startEnrolmentAction();
      setStartError(result.ok ? null : (result.message ?? null));
    });

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} heading={t("nowOn")} />;
  if (newCodes) return <RecoveryCodes codes={newCodes} heading={t("newCodesReady")} />;
  if (enabled)
    return (
      <div className="space-y-4 text-sm text-slate-700">
        <p role="status" data-testid="two-factor-state">
          {t("onSince", { date: enabledOn })} {t("recoveryCodesLeft", { count: recoveryCodesLeft })}
        </p>
        <NewRecoveryCodes form={regenerate} />
        {required ? <p>{t("requiredByPolicy")}</p> : <TurnOff />}
      </div>
    );
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <p data-testid="two-factor-state">{required ? t("requiredIntro") : t("offIntro")}</p>
      {enrolment ? (
        <div className="space-y-3">
          {enrolment}
          <form onSubmit={confirm.onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
            <Input
              label={t("firstCode")}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              className="w-40"
              errors={confirm.state.fieldErrors?.code}
            />
            <SubmitButton pending={confirm.pending} pendingLabel={t("confirming")}>
              {t("confirm")}
            </SubmitButton>
          </form>
          {!confirm.state.ok ? <FormMessage state={confirm.state} /> : null}
          <Button variant="secondary" size="sm" onClick={start} disabled={starting}>
            {t("startAgain")}
          </Button>
        </div>
      ) : (
        <div className="space-y-2">
          {expired ? (
            <p role="alert" className="text-red-700">
              {t("expired")}
            </p>
          ) : null}
          <Button onClick={start} disabled={starting}>
            {expired ? t("startAgain") : t("start")}
          </Button>
        </div>
      )}
      {startError ? (
        <p role="alert" className="text-red-700">
          {startError}
        </p>
      ) : null}
    </div>
  );
}

/** A set of recovery codes, shown once: at enrolment and when a person asks for a new set. */
function RecoveryCodes({ codes, heading }: { codes: string[]; heading: string }) {
  const t = useTranslations("twoFactor");
  return (
    <div role="status" className="space-y-3 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-950">
      <p className="font-medium">{heading}</p>
      <p>{t("recoveryCodesIntro")}</p>
      <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-1 font-mono">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button variant="secondary" size="sm" onClick={() => window.location.reload()}>
        {t("savedThem")}
      </Button>
    </div>
  );
}

/** The proof of presence both steps below ask for: the current password and a code (or a recovery code). */
function ProofFields({ errors }: { errors?: Partial<Record<string, string[]>> }) {
  const t = useTranslations("twoFactor");
  return (
    <>
      <Input
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        className="w-56"
        errors={errors?.password}
      />
      <Input
        label={t("codeOrRecovery")}
        name="code"
        autoComplete="one-time-code"
        className="w-48"
        errors={errors?.code}
      />
    </>
  );
}

/** A new set of recovery codes, after the same proof as turning two-factor off and a confirmation. */
function NewRecoveryCodes({ form }: { form: ReturnType<typeof useActionForm<string[]>> }) {
  const t = useTranslations("twoFactor");
  const element = useRef<HTMLFormElement>(null);
  const heading = useId();
  const { state, onSubmit, pending } = form;
  return (
    <section aria-labelledby={heading} className="space-y-2 border-t border-slate-200 pt-4">
      <h3 id={heading} className="font-semibold text-slate-900">
        {t("recoveryCodesTitle")}
      </h3>
      <p>{t("newCodesIntro")}</p>
      <form ref={element} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
        <ProofFields errors={state.fieldErrors} />
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={pending}>
              {t("newCodes")}
            </Button>
          }
          title={t("newCodesTitle")}
          description={t("newCodesDescription")}
          confirmLabel={t("newCodesConfirm")}
          variant="primary"
          onConfirm={() => element.current?.requestSubmit()}
        />
      </form>
      {!state.ok ? <FormMessage state={state} /> : null}
    </section>
  );
}

function TurnOff() {
  const t = useTranslations("twoFactor");
  const form = useRef<HTMLFormElement>(null);
  const { state, onSubmit, pending } = useActionForm(turnOffAction);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-2 border-t border-slate-200 pt-4" noValidate>
      <p>{t("turnOffIntro")}</p>
      <div className="flex flex-wrap items-end gap-2">
        <ProofFields errors={state.fieldErrors} />
        <ConfirmDialog
          trigger={
            <Button variant="danger" disabled={pending}>
              {t("turnOff")}
            </Button>
          }
          title={t("turnOffTitle")}
          description={t("turnOffDescription")}
          confirmLabel={t("turnOff")}
          onConfirm={() => form.current?.requestSubmit()}
        />
      </div>
      {!state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
