"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locale";
import { createProjectAction } from "./actions";
import { KeyPeople, type KeyPersonRow, type Person } from "./key-people";

type PolicyOption = { id: string; name: string; version: number; isDefault: boolean; gateCount: number };

export function ProjectForm({
  organizations,
  policies,
  people,
}: {
  organizations: { id: string; name: string }[];
  policies: PolicyOption[];
  people: Person[];
}) {
  const t = useTranslations("projectForm");
  const { state, onSubmit, pending } = useActionForm(createProjectAction);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const [organizationId, setOrganizationId] = useState("");
  const [clientOwnerId, setClientOwnerId] = useState("");
  const [rows, setRows] = useState<KeyPersonRow[]>([]);
  // Client accounts only of the chosen organisation; vendor accounts always.
  const clients = people.filter((p) => p.role === "client" && p.organizationId === organizationId);
  const eligible = people.filter((p) => p.role !== "client" || p.organizationId === organizationId);
  const defaultPolicy = policies.find((p) => p.isDefault)?.id ?? policies[0]?.id ?? "";
  return (
    <form onSubmit={onSubmit} className="grid max-w-2xl gap-4" noValidate>
      <FormMessage state={state} />
      <Input label={t("name")} name="name" required defaultValue={v.name} errors={e.name} />
      <Select
        label={t("organization")}
        name="organizationId"
        required
        value={organizationId}
        onChange={(event) => {
          const next = event.target.value;
          setOrganizationId(next);
          // A client named for another organisation cannot stay.
          if (!people.some((p) => p.id === clientOwnerId && p.organizationId === next)) setClientOwnerId("");
          setRows((current) =>
            current.map((r) => (people.find((p) => p.id === r.userId)?.role === "client" ? { ...r, userId: "" } : r)),
          );
        }}
        errors={e.organizationId}
        placeholder={t("choose")}
        options={organizations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <Select
        label={t("policy")}
        name="policyId"
        defaultValue={v.policyId ?? defaultPolicy}
        errors={e.policyId}
        hint={t("policyHint")}
        options={policies.map((p) => ({
          value: p.id,
          label: t("policyOption", { name: p.name, version: p.version, count: p.gateCount }),
        }))}
      />
      <Select
        label={t("clientOwner")}
        name="clientOwnerId"
        value={clientOwnerId}
        onChange={(event) => setClientOwnerId(event.target.value)}
        errors={e.clientOwnerId}
        placeholder={organizationId ? (clients.length ? t("nameLater") : t("noClients")) : t("chooseOrganizationFirst")}
        hint={t("clientOwnerHint")}
        options={clients.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
      />
      <KeyPeople rows={rows} onChange={setRows} people={eligible} errors={e.members} />
      <Select
        label={t("sizeClass")}
        name="sizeClass"
        defaultValue={v.sizeClass ?? "standard"}
        errors={e.sizeClass}
        hint={t("sizeHint")}
        options={[
          { value: "small", label: t("sizeSmall") },
          { value: "standard", label: t("sizeStandard") },
          { value: "large", label: t("sizeLarge") },
        ]}
      />
      <Select
        label={t("language")}
        name="language"
        defaultValue={v.language ?? "en"}
        errors={e.language}
        hint={t("languageHint")}
        options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label={t("startDate")}
          name="startDate"
          type="date"
          required
          defaultValue={v.startDate}
          errors={e.startDate}
        />
        <Input
          label={t("targetGoLive")}
          name="targetGoLiveDate"
          type="date"
          required
          defaultValue={v.targetGoLiveDate}
          errors={e.targetGoLiveDate}
          hint={t("targetHint")}
        />
      </div>
      <Input label={t("modules")} name="modules" defaultValue={v.modules} errors={e.modules} hint={t("modulesHint")} />
      <Input label={t("sowReference")} name="sowReference" defaultValue={v.sowReference} errors={e.sowReference} />
      <Textarea label={t("description")} name="description" defaultValue={v.description} errors={e.description} />
      <div>
        <SubmitButton pendingLabel={t("creating")} pending={pending}>
          {t("create")}
        </SubmitButton>
      </div>
    </form>
  );
}
