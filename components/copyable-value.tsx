"use client";

// A value to take elsewhere (a signing secret, a calendar address): read-only, selected whole on
// focus, with a Copy button whose success is announced to screen readers. The texts are the
// caller's, since each is said in the words (and, in Spanish, the gender) of what is copied.
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";

/** A fragment (label, the value with its button, the note): it takes the spacing of the caller's stack. */
export function CopyableValue({
  id,
  label,
  labelHidden = false,
  value,
  copyLabel,
  copiedNote,
}: {
  /** The field's id (its label points at it). */
  id: string;
  label: ReactNode;
  /** For a value whose heading already says what it is: the label is then for screen readers only. */
  labelHidden?: boolean;
  value: string;
  copyLabel: string;
  /** Announced (role="status") once the value is on the clipboard. */
  copiedNote: string;
}) {
  // The value copied last: a new value (a calendar address just reset) is not yet copied.
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <>
      <label htmlFor={id} className={labelHidden ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
        />
        <Button
          variant="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(value),
              () => setCopied(null),
            )
          }
        >
          {copyLabel}
        </Button>
      </div>
      {copied === value ? (
        <p role="status" className="text-sm text-green-800">
          {copiedNote}
        </p>
      ) : null}
    </>
  );
}
