"use client";

import { useTranslations } from "next-intl";
import { Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { setOrganizationSignOnAction } from "@/app/(app)/admin/organizations/single-sign-on-actions";
import { PROVISIONING_ROLES, type OrganizationSignOn } from "@/lib/domain/single-sign-on";

export function ProvisioningForm({
  organization,
  current,
}: {
  organization: { id: string; name: string };
  current: OrganizationSignOn | null;
}) {
  const t = useTranslations("singleSignOnAdmin");
  const role: Record<(typeof PROVISIONING_ROLES)[number], string> = {
    client_viewer: t("roleClientViewer"),
    guardian: t("roleGuardian"),
    client_owner: t("roleClientOwner"),
  };
  const { state, onSubmit, pending } = useActionForm(setOrganizationSignOnAction);
  const e = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[12rem_1fr_12rem_auto] sm:items-start">
      <input type="hidden" name="organizationId" value={organization.id} />
      <div className="text-sm">
        <p className="font-medium text-slate-900">{organization.name}</p>
        <p className="text-slate-600">
          {current ? t("provisioningOn", { count: current.domains.length }) : t("provisioningOff")}
        </p>
      </div>
      <Textarea
        label={t("domains", { organisation: organization.name })}
        name="domains"
        rows={2}
        defaultValue={state.values?.domains ?? current?.domains.join(", ") ?? ""}
        errors={e.domains}
        hint={t("domainsHint")}
      />
      <Select
        label={t("defaultRole")}
        name="projectRole"
        defaultValue={state.values?.projectRole ?? current?.projectRole ?? "client_viewer"}
        errors={e.projectRole}
        options={PROVISIONING_ROLES.map((r) => ({ value: r, label: role[r] }))}
      />
      <div className="sm:pt-6">
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
      </div>
      <div className="sm:col-span-4">
        <FormMessage state={state} success={t("saved")} />
      </div>
    </form>
  );
}
