"use client";

// Billing terms (PM) and moving milestones on: invoice (reference required), mark paid.
import { useTranslations } from "next-intl";
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
  const t = useTranslations("billingForms");
  const [state, action] = useActionState(updateTermsAction, initialFormState);
  const values = state.ok ? undefined : state.values;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="expectedVersion" value={terms.version} />
      <Select
        name="billingMode"
        label={t("billingMode")}
        defaultValue={values?.billingMode ?? terms.billingMode}
        options={[
          { value: "per_day", label: t("perDay") },
          { value: "fixed_per_sprint", label: t("fixedPerSprint") },
        ]}
        errors={state.fieldErrors?.billingMode}
      />
      <Input
        name="dayRate"
        label={t("dayRate")}
        inputMode="decimal"
        defaultValue={values?.dayRate ?? units(terms.dayRate)}
        errors={state.fieldErrors?.dayRate}
      />
      <Input
        name="fixedSprintAmount"
        label={t("fixedPerSprint")}
        inputMode="decimal"
        defaultValue={values?.fixedSprintAmount ?? units(terms.fixedSprintAmount)}
        errors={state.fieldErrors?.fixedSprintAmount}
      />
      <Input
        name="currency"
        label={t("currency")}
        maxLength={3}
        defaultValue={values?.currency ?? terms.currency}
        errors={state.fieldErrors?.currency}
      />
      <SubmitButton variant="secondary">{t("saveTerms")}</SubmitButton>
      <div className="sm:col-span-2 lg:col-span-5">
        <FormMessage state={state} success={t("termsSaved")} />
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
  const t = useTranslations("billingForms");
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
          {t("invoice")}
        </Button>
      }
      title={t("invoiceTitle", { number: sprintNumber })}
      description={t("invoiceDescription")}
    >
      <form action={action} className="space-y-3">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="milestoneId" value={milestoneId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <Input
          name="invoiceReference"
          label={t("invoiceReference")}
          required
          maxLength={80}
          errors={state.fieldErrors?.invoiceReference}
          defaultValue={state.ok ? "" : state.values?.invoiceReference}
        />
        <FormMessage state={state} />
        <SubmitButton>{t("markInvoiced")}</SubmitButton>
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
  const t = useTranslations("billingForms");
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
            {t("markPaid")}
          </Button>
        }
        title={t("markPaidTitle", { number: sprintNumber })}
        description={t("markPaidDescription")}
        confirmLabel={t("markPaid")}
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
