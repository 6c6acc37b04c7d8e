"use client";

import { useState } from "react";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
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
      <Input label="Project name" name="name" required defaultValue={v.name} errors={e.name} />
      <Select
        label="Client organisation"
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
        placeholder="Choose…"
        options={organizations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <Select
        label="Gate policy"
        name="policyId"
        defaultValue={v.policyId ?? defaultPolicy}
        errors={e.policyId}
        hint="The project follows the policy's latest published version and starts at its highest gate."
        options={policies.map((p) => ({ value: p.id, label: `${p.name} (v${p.version}, ${p.gateCount} gates)` }))}
      />
      <Select
        label="Client product owner"
        name="clientOwnerId"
        value={clientOwnerId}
        onChange={(event) => setClientOwnerId(event.target.value)}
        errors={e.clientOwnerId}
        placeholder={
          organizationId
            ? clients.length
              ? "Name later"
              : "No client accounts in this organisation yet"
            : "Choose the client organisation first"
        }
        hint={
          "Sits on the gate boards the policy gives the client owner (required at every gate of the " +
          "light-gating policy)."
        }
        options={clients.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
      />
      <KeyPeople rows={rows} onChange={setRows} people={eligible} errors={e.members} />
      <Select
        label="Size class"
        name="sizeClass"
        defaultValue={v.sizeClass ?? "standard"}
        errors={e.sizeClass}
        hint="Drives which artifacts each gate requires: a small project needs fewer."
        options={[
          { value: "small", label: "Small" },
          { value: "standard", label: "Standard" },
          { value: "large", label: "Large" },
        ]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label="Start date"
          name="startDate"
          type="date"
          required
          defaultValue={v.startDate}
          errors={e.startDate}
        />
        <Input
          label="Target go-live"
          name="targetGoLiveDate"
          type="date"
          required
          defaultValue={v.targetGoLiveDate}
          errors={e.targetGoLiveDate}
          hint="The gates' planned dates are proposed from the start and go-live; you can change them on each gate."
        />
      </div>
      <Input
        label="Modules sold"
        name="modules"
        defaultValue={v.modules}
        errors={e.modules}
        hint="Comma-separated, e.g. Rating & charging, Invoicing"
      />
      <Input label="SOW reference" name="sowReference" defaultValue={v.sowReference} errors={e.sowReference} />
      <Textarea label="Description" name="description" defaultValue={v.description} errors={e.description} />
      <div>
        <SubmitButton pendingLabel="Creating…" pending={pending}>
          Create project
        </SubmitButton>
      </div>
    </form>
  );
}
