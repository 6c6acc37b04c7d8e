"use client";

// Where a form loads on demand (React.lazy: a dialog's body, an opened disclosure): a short
// "Loading…" in its place until the code arrives, inside what was opened so nothing else moves.
import { useTranslations } from "next-intl";
import { Suspense, type ReactNode } from "react";

export function LoadingOnDemand({ children }: { children: ReactNode }) {
  const t = useTranslations("dialog");
  return (
    <Suspense
      fallback={
        <p role="status" className="py-6 text-center text-sm text-slate-600">
          {t("loading")}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
