"use client";

// Confirmation of an irreversible step: an alert dialog on the native <dialog> element, with
// focus starting on Cancel so Enter never confirms by accident.
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "./button";
import { closeOnBackdrop, ModalPortal, useModal, withOpener } from "./modal";

export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
  variant = "danger",
}: {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Runs on confirm; typically calls a server action or submits a form via requestSubmit. */
  onConfirm: () => void;
  variant?: ButtonVariant;
}) {
  const t = useTranslations("dialog");
  const [open, setOpen] = useState(false);
  const ref = useModal(open);
  const id = useId();
  return (
    <>
      {withOpener(trigger, () => setOpen(true), id, open)}
      <ModalPortal>
        <dialog
          ref={ref}
          id={id}
          role="alertdialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-description`}
          onClose={() => setOpen(false)}
          onClick={closeOnBackdrop(() => setOpen(false))}
          className="m-auto w-[calc(100vw-2rem)] max-w-md rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
        >
          {open ? (
            <div className="p-5">
              <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
                {title}
              </h2>
              <div id={`${id}-description`} className="mt-2 text-sm text-slate-700">
                {description}
              </div>
              <div className="mt-5 flex justify-end gap-2">
                <button type="button" autoFocus className={buttonClass("secondary")} onClick={() => setOpen(false)}>
                  {t("cancel")}
                </button>
                <button
                  type="button"
                  className={buttonClass(variant)}
                  onClick={() => {
                    setOpen(false);
                    onConfirm();
                  }}
                >
                  {confirmLabel}
                </button>
              </div>
            </div>
          ) : null}
        </dialog>
      </ModalPortal>
    </>
  );
}
