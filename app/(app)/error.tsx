"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-white p-6 text-center">
      <h1 className="text-lg font-semibold text-slate-900">{t("heading")}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {t.rich("body", {
          reference: error.digest ?? "n/a",
          code: (chunks) => <code className="font-mono">{chunks}</code>,
        })}
      </p>
      <Button className="mt-4" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
