"use client";

// The acceptance set-up (project manager), the signature (each signer re-enters the password)
// and the handover to the helpdesk.
import { useActionState, useRef } from "react";
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
  const [state, formAction] = useActionState(configureAcceptanceAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="projectId" value={projectId} />
      {version !== undefined ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <Textarea
        label="Statement the signers accept"
        name="statement"
        rows={4}
        defaultValue={state.values?.statement ?? statement}
        errors={errors.statement}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Required signers</legend>
        {owners.length === 0 ? (
          <p className="text-sm text-amber-800">The project has no client owner yet: add one under Members.</p>
        ) : null}
        {owners.map((o) => (
          <Checkbox
            key={o.userId}
            name="signers"
            value={`client_owner:${o.userId}`}
            defaultChecked={chosen.includes(o.userId) || chosen.length === 0}
            label={`${o.name} (${o.email}) — client owner`}
          />
        ))}
        {guardians.length === 0 ? (
          <p className="text-sm text-slate-600">No guardian is certified yet; only certified guardians can sign.</p>
        ) : null}
        {guardians.map((g) => (
          <Checkbox
            key={g.userId}
            name="signers"
            value={`guardian:${g.userId}`}
            defaultChecked={chosen.includes(g.userId)}
            label={`${g.name} (${g.email}) — certified guardian${g.site ? `, ${g.site}` : ""}`}
          />
        ))}
        {errors.signers ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.signers.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save statement and signers</SubmitButton>
      <FormMessage state={state} success="Saved. The signers are notified." />
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
  const [state, formAction] = useActionState(signGoLiveAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const reasonId = `sign-blocked-${projectId}`;
  return (
    <form action={formAction} className="space-y-3" aria-label="Sign the go-live acceptance">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="statement" value={statement} />
      {!ready ? (
        <div id={reasonId} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">Signing opens when the checklist is complete.</p>
          {missing.length ? <p>Still open: {missing.join("; ")}.</p> : null}
        </div>
      ) : null}
      {/* The server refuses an early signature anyway; disabling says so before a password is typed. */}
      <fieldset disabled={!ready} aria-describedby={ready ? undefined : reasonId} className="space-y-3">
        <Checkbox name="confirm" required label="I have read the statement above and accept it." />
        <Input
          label="Your password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          hint="Re-enter your password to sign."
          errors={errors.password}
        />
        <SubmitButton pendingLabel="Signing…">Sign the acceptance</SubmitButton>
      </fieldset>
      <FormMessage
        state={state}
        success={
          state.data && (state.data as { complete?: boolean }).complete
            ? "Signed. Every required signer has now signed: the acceptance is complete."
            : "Signed."
        }
      />
    </form>
  );
}

export function HandoverForm({ projectId, today }: { projectId: string; today: string }) {
  const [state, formAction] = useActionState(recordHandoverAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} action={formAction} className="space-y-3">
      <input type="hidden" name="projectId" value={projectId} />
      <Input
        label="Handover date"
        name="handoverDate"
        type="date"
        defaultValue={state.values?.handoverDate ?? today}
        errors={errors.handoverDate}
      />
      <Textarea
        label="Support contacts"
        name="supportContacts"
        rows={3}
        placeholder={"Vendor helpdesk <helpdesk@vendor.example>, +49 40 1234 500, 1st level 24/7"}
        hint={'One per line: "Name <email>, phone, role" (phone and role optional).'}
        defaultValue={state.values?.supportContacts ?? ""}
        errors={errors.supportContacts}
      />
      <Textarea
        label="Open items (one per line)"
        name="openItems"
        rows={3}
        defaultValue={state.values?.openItems ?? ""}
        errors={errors.openItems}
      />
      <ConfirmDialog
        trigger={<Button>Record the handover</Button>}
        title="Hand the project over to the helpdesk?"
        description={
          "The project becomes live. The implementation team's rights become read-only except support " +
          "work (escalations). This cannot be undone."
        }
        confirmLabel="Hand over and go live"
        variant="primary"
        onConfirm={() => form.current?.requestSubmit()}
      />
      <FormMessage state={state} success="Handed over: the project is live." />
    </form>
  );
}
