"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { TwoFactorPolicy } from "@/lib/domain/two-factor-policy";
import { setTwoFactorPolicyAction } from "./two-factor-actions";

/** The administrators' choice of who must use two-factor sign-in. */
export function TwoFactorPolicyForm({ rule }: { rule: TwoFactorPolicy }) {
  const t = useTranslations("twoFactor");
  const [chosen, setChosen] = useState<TwoFactorPolicy>(rule);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const labels: Record<TwoFactorPolicy, string> = {
    optional: t("policyOptional"),
    required_for_staff: t("policyStaff"),
    required_for_everyone: t("policyEveryone"),
  };
  return (
    <form
      className="space-y-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await setTwoFactorPolicyAction({ rule: chosen });
          setMessage(result.ok ? { ok: true, text: t("policySaved") } : { ok: false, text: result.message ?? "" });
        });
      }}
    >
      <fieldset className="space-y-1">
        <legend className="mb-1 text-slate-700">{t("policyIntro")}</legend>
        {(Object.keys(labels) as TwoFactorPolicy[]).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name="rule"
              value={value}
              checked={chosen === value}
              onChange={() => setChosen(value)}
            />
            {labels[value]}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending || chosen === rule}>
        {t("policySave")}
      </Button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-red-700"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
