"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { signInAction } from "./actions";
import { CodeStepForm } from "./code-step-form";

export function SignInForm({
  callbackUrl,
  email,
  codeStep = false,
}: {
  callbackUrl?: string;
  email?: string;
  /** A second step is waiting in this browser (the password was right a moment ago). */
  codeStep?: boolean;
}) {
  const { state, onSubmit, pending } = useActionForm(signInAction);
  const t = useTranslations("signInForm");
  const forgot = useTranslations("forgotPassword");
  // The code step shows after a right password for an account with two-factor, until "back" is chosen.
  const codeAsked = (state.data as { step?: string } | undefined)?.step === "code" ? (state.at ?? 0) : null;
  const asked = codeAsked ?? (codeStep ? -1 : null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  if (asked !== null && asked !== dismissed)
    return <CodeStepForm callbackUrl={callbackUrl} onRestart={() => setDismissed(asked)} />;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <Input
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email ?? email}
        errors={state.fieldErrors?.email}
        autoFocus={!email}
      />
      <Input
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
        autoFocus={Boolean(email)}
      />
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          {forgot("link")}
        </Link>
      </p>
      <SubmitButton className="w-full" pendingLabel={t("submitting")} pending={pending}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
