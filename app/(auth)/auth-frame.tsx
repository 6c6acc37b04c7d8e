import type { ReactNode } from "react";

/** The centred card of the pages reached before the app itself: sign-in, invitation, choosing a password. */
export function AuthFrame({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md space-y-6">
        <div className="text-center">
          <p className="text-3xl font-semibold tracking-tight text-brand-800">Lightgate</p>
          <h1 className="mt-1 text-sm text-slate-600">{heading}</h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
