"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A secret shown this once: copy it now, it is never shown again (only its sealed form is stored). */
export function SecretOnce({ secret, note, onDone }: { secret: string; note?: string; onDone: () => void }) {
  const t = useTranslations("webhooks");
  const [copied, setCopied] = useState(false);
  return (
    <section
      aria-labelledby="webhook-secret-title"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4"
      data-testid="webhook-secret"
    >
      <h2 id="webhook-secret-title" className="text-base font-semibold text-slate-900">
        {t("secretTitle")}
      </h2>
      <p className="text-sm text-slate-800">{t("secretOnce")}</p>
      {note ? <p className="text-sm text-slate-800">{note}</p> : null}
      <div className="flex flex-wrap gap-2">
        <label htmlFor="webhook-secret-value" className="sr-only">
          {t("secretTitle")}
        </label>
        <input
          id="webhook-secret-value"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs"
        />
        <Button
          variant="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t("copy")}
        </Button>
      </div>
      {copied ? (
        <p role="status" className="text-sm text-green-800">
          {t("copied")}
        </p>
      ) : null}
      <Button onClick={onDone}>{t("secretStored")}</Button>
    </section>
  );
}
