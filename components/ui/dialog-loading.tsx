"use client";

// The body of a dialog whose form loads on demand (React.lazy): a short "Loading…" in its place
// until the code arrives, inside the open dialog so the button and the page do not move.
import { useTranslations } from "next-intl";
import { Suspense, type ReactNode } from "react";

export function DialogLoading({ children }: { children: ReactNode }) {
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
