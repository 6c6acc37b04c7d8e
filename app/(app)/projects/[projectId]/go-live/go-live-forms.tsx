"use client";

// The acceptance set-up (project manager), the signature (each signer re-enters the password)
// and the handover to the helpdesk.
import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Checkbox, Input, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { configureAcceptanceAction, recordHandoverAction, signGoLiveAction } from "./actions";

type Person = { userId: string; name: string; email: string; site?: string };

export function ConfigureAcceptanceForm({
  projectId,
  version,
  statement,
  owners,
  guardians,
  chosen,
}: {
  projectId: string;
  version?: number;
  statement: string;
  owners: Person[];
  guardians: Person[];
  chosen: string[];
}) {
  const t = useTranslations("goLiveForms");
  const [state, formAction] = useActionState(configureAcceptanceAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="projectId" value={projectId} />
      {version !== undefined ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <Textarea
        label={t("statement")}
        name="statement"
        rows={4}
        defaultValue={state.values?.statement ?? statement}
        errors={errors.statement}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("requiredSigners")}</legend>
        {owners.length === 0 ? <p className="text-sm text-amber-800">{t("noOwner")}</p> : null}
        {owners.map((o) => (
          <Checkbox
            key={o.userId}
            name="signers"
            value={`client_owner:${o.userId}`}
            defaultChecked={chosen.includes(o.userId) || chosen.length === 0}
            label={t("ownerOption", { name: o.name, email: o.email })}
          />
        ))}
        {guardians.length === 0 ? <p className="text-sm text-slate-600">{t("noGuardian")}</p> : null}
        {guardians.map((g) => (
          <Checkbox
            key={g.userId}
            name="signers"
            value={`guardian:${g.userId}`}
            defaultChecked={chosen.includes(g.userId)}
            label={
              g.site
                ? t("guardianAtSite", { name: g.name, email: g.email, site: g.site })
                : t("guardianOption", { name: g.name, email: g.email })
            }
          />
        ))}
        {errors.signers ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.signers.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      <FormMessage state={state} success={t("saved")} />
    </form>
  );
}

export function SignForm({
  projectId,
  statement,
  ready,
  missing = [],
}: {
  projectId: string;
  statement: string;
  ready: boolean;
  missing?: string[];
}) {
  const t = useTranslations("goLiveForms");
  const [state, formAction] = useActionState(signGoLiveAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const reasonId = `sign-blocked-${projectId}`;
  return (
    <form action={formAction} className="space-y-3" aria-label={t("signLabel")}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="statement" value={statement} />
      {!ready ? (
        <div id={reasonId} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">{t("signingOpens")}</p>
          {missing.length ? <p>{t("stillOpen", { items: missing.join("; ") })}</p> : null}
        </div>
      ) : null}
      {/* The server refuses an early signature anyway; disabling says so before a password is typed. */}
      <fieldset disabled={!ready} aria-describedby={ready ? undefined : reasonId} className="space-y-3">
        <Checkbox name="confirm" required label={t("confirm")} />
        <Input
          label={t("password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          hint={t("passwordHint")}
          errors={errors.password}
        />
        <SubmitButton pendingLabel={t("signing")}>{t("sign")}</SubmitButton>
      </fieldset>
      <FormMessage
        state={state}
        success={state.data && (state.data as { complete?: boolean }).complete ? t("signedComplete") : t("signed")}
      />
    </form>
  );
}

export function HandoverForm({ projectId, today }: { projectId: string; today: string }) {
  const t = useTranslations("goLiveForms");
  const [state, formAction] = useActionState(recordHandoverAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} action={formAction} className="space-y-3">
      <input type="hidden" name="projectId" value={projectId} />
      <Input
        label={t("handoverDate")}
        name="handoverDate"
        type="date"
        defaultValue={state.values?.handoverDate ?? today}
        errors={errors.handoverDate}
      />
      <Textarea
        label={t("supportContacts")}
        name="supportContacts"
        rows={3}
        placeholder={t("supportPlaceholder")}
        hint={t("supportHint")}
        defaultValue={state.values?.supportContacts ?? ""}
        errors={errors.supportContacts}
      />
      <Textarea
        label={t("openItems")}
        name="openItems"
        rows={3}
        defaultValue={state.values?.openItems ?? ""}
        errors={errors.openItems}
      />
      <ConfirmDialog
        trigger={<Button>{t("recordHandover")}</Button>}
        title={t("handoverTitle")}
        description={t("handoverDescription")}
        confirmLabel={t("handoverConfirm")}
        variant="primary"
        onConfirm={() => form.current?.requestSubmit()}
      />
      <FormMessage state={state} success={t("handedOver")} />
    </form>
  );
}
