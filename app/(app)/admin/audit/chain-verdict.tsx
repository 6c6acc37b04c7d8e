"use client";

// The chain's verdict, re-checked on demand (walking a long chain takes a moment).
import { useState, useTransition } from "react";
import type { ChainVerdict } from "@/lib/audit";
import { Button } from "@/components/ui/button";
import { verifyChainAction } from "./actions";
import { formatDateTime } from "@/lib/display-format";

type Verdict = ChainVerdict & { checkedAt: string };

export function ChainVerdictPanel({ initial }: { initial: Verdict | null }) {
  const [verdict, setVerdict] = useState<Verdict | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const verify = () =>
    startTransition(async () => {
      const result = await verifyChainAction({});
      if (result.ok && result.data) {
        setVerdict(result.data);
        setError(null);
      } else setError(result.message ?? "Verification failed to run.");
    });
  return (
    <div className="space-y-3">
      <div role="status" aria-live="polite" aria-busy={pending}>
        {verdict === null ? (
          <p className="text-sm text-slate-700">The chain has not been verified in this view yet.</p>
        ) : verdict.ok ? (
          <div className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
            <p className="font-semibold">Verified: all {verdict.events} events fit the chain.</p>
            <p className="mt-1 break-all font-mono text-xs">Head {verdict.head}</p>
          </div>
        ) : (
          <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            <p className="font-semibold">Broken at event #{verdict.brokenAt.seq}</p>
            <p className="mt-1">
              Event {verdict.brokenAt.id}: {verdict.problem}.
            </p>
            <p className="mt-1">
              {verdict.events} events before it verified. Restore from a backup taken before the change and investigate
              who had write access to the database.
            </p>
          </div>
        )}
        {verdict ? (
          <p className="mt-1 text-xs text-slate-600">Checked {formatDateTime(verdict.checkedAt, { seconds: true })}</p>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button variant="secondary" onClick={verify} disabled={pending}>
        {pending ? "Verifying…" : "Verify the chain now"}
      </Button>
    </div>
  );
}
