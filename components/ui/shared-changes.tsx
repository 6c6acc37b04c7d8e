"use client";

// A server-rendered list whose rows carry small client controls (a board's seats, a gate's
// conditions) behaves as one panel: while any row's change runs, every control waits, and the
// list's one error line says why the last change was refused. The list itself stays server markup:
// only this wrapper and the controls are client code.
import { createContext, use, useState, useTransition, type ReactNode } from "react";

/** One row's change: a server action's answer. */
export type Change = () => Promise<{ ok: boolean; message?: string }>;

const Changes = createContext<{ pending: boolean; run: (change: Change) => void }>({
  pending: false,
  run: () => {},
});

/** `fallback` is said when a refused change gives no message of its own. */
export function SharedChanges({ fallback, children }: { fallback: string; children: ReactNode }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (change: Change) =>
    startTransition(async () => {
      const result = await change();
      setError(result.ok ? null : (result.message ?? fallback));
    });
  return (
    <Changes value={{ pending, run }}>
      {children}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </Changes>
  );
}

/** The pending state and the runner of the nearest SharedChanges. */
export const useSharedChanges = () => use(Changes);
