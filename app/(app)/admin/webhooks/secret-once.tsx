"use client";

import { useTranslations } from "next-intl";
import { CopyableValue } from "@/components/copyable-value";
import { Button } from "@/components/ui/button";

/** A secret shown this once: copy it now, it is never shown again (only its sealed form is stored). */
export function SecretOnce({ secret, note, onDone }: { secret: string; note?: string; onDone: () => void }) {
  const t = useTranslations("webhooks");
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
      <CopyableValue
        id="webhook-secret-value"
        label={t("secretTitle")}
        labelHidden
        value={secret}
        copyLabel={t("copy")}
        copiedNote={t("copied")}
      />
      <Button onClick={onDone}>{t("secretStored")}</Button>
    </section>
  );
}
