"use client";

// A button that shows and hides a small panel of links or actions (the WAI-ARIA disclosure
// pattern, which suits navigation better than an application menu). Escape, a click
// elsewhere or choosing a link closes it; Escape gives focus back to the button. The panel's
// content exists only while it is open.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cx } from "./cx";

type Props = {
  button: ReactNode;
  buttonLabel?: string;
  buttonClassName?: string;
  panelClassName?: string;
  align?: "start" | "end";
  children: ReactNode;
};

export function Disclosure({ button, buttonLabel, buttonClassName, panelClassName, align = "start", children }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={buttonLabel}
        className={buttonClassName}
        onClick={() => setOpen((o) => !o)}
      >
        {button}
      </button>
      <div
        id={id}
        hidden={!open}
        className={cx(
          "absolute top-full z-50 mt-1 rounded-md border border-slate-200 bg-white p-1 shadow-lg",
          align === "end" ? "right-0" : "left-0",
          panelClassName,
        )}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) setOpen(false);
        }}
      >
        {open ? children : null}
      </div>
    </div>
  );
}
