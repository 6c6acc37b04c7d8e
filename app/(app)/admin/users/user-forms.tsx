"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { AccountStatus } from "@/lib/domain/account-link";
import type { FormState } from "@/lib/guard";
import { AccountLinkDialog, type IssuedLink } from "./account-link-dialog";
import {
  inviteAccountAction,
  renewInvitationAction,
  revokeAccountLinksAction,
  sendPasswordResetLinkAction,
  setDisabledAction,
} from "./actions";

export function InviteAccountForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const t = useTranslations("adminUsers");
  const { state, onSubmit, pending, formKey } = useActionForm(inviteAccountAction);
  const [role, setRole] = useState("staff");
  // The dialog shows each new link once; closing it remembers which submission it belonged to.
  const [dismissedAt, setDismissedAt] = useState<number | undefined>();
  const issued = state.ok && state.data && state.at !== dismissedAt ? state.data : null;
  const e = state.fieldErrors ?? {};
  return (
    <>
      <form key={formKey} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate>
        <div className="sm:col-span-2">
          <FormMessage state={state} success={t("invitationCreated")} />
        </div>
        <Input
          label={t("email")}
          name="email"
          type="email"
          autoComplete="off"
          errors={e.email}
          defaultValue={state.ok ? undefined : state.values?.email}
        />
        <Input
          label={t("name")}
          name="name"
          autoComplete="off"
          errors={e.name}
          defaultValue={state.ok ? undefined : state.values?.name}
        />
        <Select
          label={t("role")}
          name="role"
          defaultValue={role}
          onChange={(ev) => setRole(ev.target.value)}
          errors={e.role}
          options={[
            { value: "staff", label: t("roleStaff") },
            { value: "admin", label: t("roleAdmin") },
            { value: "client", label: t("roleClientAccount") },
          ]}
        />
        <Select
          label={t("clientOrganisation")}
          name="organizationId"
          disabled={role !== "client"}
          errors={e.organizationId}
          placeholder={role === "client" ? t("choose") : t("notForVendor")}
          options={role === "client" ? organizations.map((o) => ({ value: o.id, label: o.name })) : []}
        />
        <p className="text-sm text-slate-600 sm:col-span-2">{t("inviteHint")}</p>
        <div>
          <SubmitButton pending={pending} pendingLabel={t("inviting")}>
            {t("inviteButton")}
          </SubmitButton>
        </div>
      </form>
      <AccountLinkDialog link={issued} onClose={() => setDismissedAt(state.at)} />
    </>
  );
}

type Props = { userId: string; email: string; status: AccountStatus["kind"]; self: boolean };

export function UserActions({ userId, email, status, self }: Props) {
  const t = useTranslations("adminUsers");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<IssuedLink | null>(null);
  const run = (act: () => Promise<FormState<unknown>>) =>
    startTransition(async () => {
      const r = await act();
      setError(r.ok ? null : (r.message ?? t("failed")));
      if (r.ok && r.data) setLink(r.data as IssuedLink);
    });
  const disabled = status === "disabled";
  const invited = status === "invited" || status === "invitation_expired" || status === "invitation_revoked";
  const openLink = status === "invited" || status === "reset_pending";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {invited ? (
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          onClick={() => run(() => renewInvitationAction({ userId }))}
        >
          {t("copyNewLink")}
        </Button>
      ) : null}
      {!invited && !disabled ? (
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          onClick={() => run(() => sendPasswordResetLinkAction({ userId }))}
        >
          {t("sendResetLink")}
        </Button>
      ) : null}
      {openLink ? (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" size="sm" disabled={pending}>
              {t("revoke")}
            </Button>
          }
          title={status === "invited" ? t("revokeInvitation", { email }) : t("revokeReset", { email })}
          description={t("revokeBody")}
          confirmLabel={t("revokeLink")}
          onConfirm={() => run(() => revokeAccountLinksAction({ userId }))}
        />
      ) : null}
      {self ? null : disabled ? (
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          onClick={() => run(() => setDisabledAction({ userId, disabled: false }))}
        >
          {t("enable")}
        </Button>
      ) : (
        <ConfirmDialog
          trigger={
            <Button variant="danger" size="sm" disabled={pending}>
              {t("disable")}
            </Button>
          }
          title={t("disableTitle", { email })}
          description={t("disableBody")}
          confirmLabel={t("disableAccount")}
          onConfirm={() => run(() => setDisabledAction({ userId, disabled: true }))}
        />
      )}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
      <AccountLinkDialog link={link} onClose={() => setLink(null)} />
    </div>
  );
}
