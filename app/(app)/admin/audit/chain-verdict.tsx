"use client";

// The chain's verdict, re-checked on demand (walking a long chain takes a moment).
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ChainVerdict } from "@/lib/audit";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/lib/i18n/use-format";
import { verifyChainAction } from "./actions";

type Verdict = ChainVerdict & { checkedAt: string };

export function ChainVerdictPanel({ initial }: { initial: Verdict | null }) {
  const t = useTranslations("adminAudit");
  const format = useFormat();
  const [verdict, setVerdict] = useState<Verdict | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const verify = () =>
    startTransition(async () => {
      const result = await verifyChainAction({});
      if (result.ok && result.data) {
        setVerdict(result.data);
        setError(null);
      } else setError(result.message ?? t("verificationFailed"));
    });
  return (
    <div className="space-y-3">
      <div role="status" aria-live="polite" aria-busy={pending}>
        {verdict === null ? (
          <p className="text-sm text-slate-700">{t("notVerifiedYet")}</p>
        ) : verdict.ok ? (
          <div className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
            <p className="font-semibold">{t("verified", { count: verdict.events })}</p>
            <p className="mt-1 break-all font-mono text-xs">{t("head", { head: verdict.head })}</p>
          </div>
        ) : (
          <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            <p className="font-semibold">{t("brokenAt", { seq: verdict.brokenAt.seq })}</p>
            <p className="mt-1">{t("brokenEvent", { id: verdict.brokenAt.id, problem: verdict.problem })}</p>
            <p className="mt-1">{t("brokenAdvice", { count: verdict.events })}</p>
          </div>
        )}
        {verdict ? (
          <p className="mt-1 text-xs text-slate-600">
            {t("checked", { when: format.dateTime(verdict.checkedAt, { seconds: true }) })}
          </p>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button variant="secondary" onClick={verify} disabled={pending}>
        {pending ? t("verifying") : t("verifyNow")}
      </Button>
    </div>
  );
}
