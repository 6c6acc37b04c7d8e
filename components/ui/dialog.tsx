"use client";

// A titled dialog on the native <dialog> element (components/ui/modal.ts): focus trap, Escape
// and an inert page come from the browser. Its content mounts only while it is open, so a
// form inside starts afresh each time.
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { closeOnBackdrop, ModalPortal, useModal, withOpener } from "./modal";

export function Dialog({
  trigger,
  title,
  description,
  children,
  open,
  onOpenChange,
}: {
  trigger?: ReactNode;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const t = useTranslations("dialog");
  const [ownOpen, setOwnOpen] = useState(false);
  const isOpen = open ?? ownOpen;
  const setOpen = (next: boolean) => {
    if (open === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };
  const ref = useModal(isOpen);
  const id = useId();
  return (
    <>
      {withOpener(trigger, () => setOpen(true), id, isOpen)}
      <ModalPortal>
        <dialog
          ref={ref}
          id={id}
          aria-labelledby={`${id}-title`}
          aria-describedby={description ? `${id}-description` : undefined}
          onClose={() => isOpen && setOpen(false)}
          onClick={closeOnBackdrop(() => setOpen(false))}
          className="m-auto w-[calc(100vw-2rem)] max-w-lg rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
        >
          {isOpen ? (
            <div className="relative max-h-[90vh] overflow-y-auto p-5">
              <h2 id={`${id}-title`} className="pr-8 text-lg font-semibold text-slate-900">
                {title}
              </h2>
              {description ? (
                <div id={`${id}-description`} className="mt-1 text-sm text-slate-600">
                  {description}
                </div>
              ) : null}
              <div className="mt-4">{children}</div>
              <button
                type="button"
                className="absolute right-3 top-3 rounded p-1 text-slate-500 hover:bg-slate-100"
                aria-label={t("close")}
                onClick={() => setOpen(false)}
              >
                <span aria-hidden>✕</span>
              </button>
            </div>
          ) : null}
        </dialog>
      </ModalPortal>
    </>
  );
}
