"use client";

// Billing terms (PM) and moving milestones on: invoice (reference required), mark paid.
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { invoiceMilestoneAction, payMilestoneAction, updateTermsAction } from "./actions";

const units = (cents: number) => (cents / 100).toFixed(2);

export function BillingTermsForm({
  projectId,
  terms,
}: {
  projectId: string;
  terms: { billingMode: string; dayRate: number; fixedSprintAmount: number; currency: string; version: number };
}) {
  const [state, action] = useActionState(updateTermsAction, initialFormState);
  const values = state.ok ? undefined : state.values;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="expectedVersion" value={terms.version} />
      <Select
        name="billingMode"
        label="Sprints are paid"
        defaultValue={values?.billingMode ?? terms.billingMode}
        options={[
          { value: "per_day", label: "Per accepted person-day" },
          { value: "fixed_per_sprint", label: "Fixed amount per sprint" },
        ]}
        errors={state.fieldErrors?.billingMode}
      />
      <Input
        name="dayRate"
        label="Day rate"
        inputMode="decimal"
        defaultValue={values?.dayRate ?? units(terms.dayRate)}
        errors={state.fieldErrors?.dayRate}
      />
      <Input
        name="fixedSprintAmount"
        label="Fixed amount per sprint"
        inputMode="decimal"
        defaultValue={values?.fixedSprintAmount ?? units(terms.fixedSprintAmount)}
        errors={state.fieldErrors?.fixedSprintAmount}
      />
      <Input
        name="currency"
        label="Currency"
        maxLength={3}
        defaultValue={values?.currency ?? terms.currency}
        errors={state.fieldErrors?.currency}
      />
      <SubmitButton variant="secondary">Save terms</SubmitButton>
      <div className="sm:col-span-2 lg:col-span-5">
        <FormMessage
          state={state}
          success="Billing terms saved. Pending milestones are valued with them at acceptance."
        />
      </div>
    </form>
  );
}

export function InvoiceDialog({
  projectId,
  milestoneId,
  version,
  sprintNumber,
}: {
  projectId: string;
  milestoneId: string;
  version: number;
  sprintNumber: number;
}) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(invoiceMilestoneAction, initialFormState);
  const last = useRef(state.at);
  useEffect(() => {
    if (state.ok && state.at !== last.current) setOpen(false);
    last.current = state.at;
  }, [state]);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="sm" variant="secondary">
          Invoice
        </Button>
      }
      title={`Invoice sprint ${sprintNumber}`}
      description="Enter the reference of the invoice sent to the client."
    >
      <form action={action} className="space-y-3">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="milestoneId" value={milestoneId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <Input
          name="invoiceReference"
          label="Invoice reference"
          required
          maxLength={80}
          errors={state.fieldErrors?.invoiceReference}
          defaultValue={state.ok ? "" : state.values?.invoiceReference}
        />
        <FormMessage state={state} />
        <SubmitButton>Mark invoiced</SubmitButton>
      </form>
    </Dialog>
  );
}

export function MarkPaidButton({
  projectId,
  milestoneId,
  version,
  sprintNumber,
}: {
  projectId: string;
  milestoneId: string;
  version: number;
  sprintNumber: number;
}) {
  const [state, action] = useActionState(payMilestoneAction, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <ConfirmDialog
        variant="primary"
        trigger={
          <Button size="sm" variant="secondary">
            Mark paid
          </Button>
        }
        title={`Mark sprint ${sprintNumber} as paid?`}
        description="Record that the client paid this invoice. This cannot be undone."
        confirmLabel="Mark paid"
        onConfirm={() => formRef.current?.requestSubmit()}
      />
      {!state.ok && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
