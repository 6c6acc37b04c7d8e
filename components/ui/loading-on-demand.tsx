"use client";

// Where a form loads on demand (React.lazy: a dialog's body, an opened disclosure): a short
// "Loading…" in its place until the code arrives, inside what was opened so nothing else moves.
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from "react";

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

function Ready({ onReady }: { onReady: (ready: true) => void }) {
  useEffect(() => onReady(true), [onReady]);
  return null;
}

/**
 * A form that shows only in some states of a page, to some people: its code loads when it shows,
 * so a page that does not show it never downloads it. It is rendered on the server as usual, and
 * stays disabled until its code has arrived and taken over, so nothing typed or chosen before
 * then is lost.
 */
export function formOnDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Form = lazy(async () => ({ default: await load() }));
  return function FormOnDemand(props: P) {
    const [ready, setReady] = useState(false);
    return (
      <fieldset disabled={!ready} className="contents">
        <LoadingOnDemand>
          <Form {...props} />
          <Ready onReady={setReady} />
        </LoadingOnDemand>
      </fieldset>
    );
  };
}
