"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import { Button, type ButtonSize, type ButtonVariant } from "./button";

/** A submit button that shows the pending state of its form and cannot be double-submitted. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  size,
  className,
  name,
  value,
  pending: pendingProp,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  name?: string;
  value?: string;
  /** For forms submitted with useActionForm (useFormStatus only sees `<form action>`). */
  pending?: boolean;
}) {
  const t = useTranslations("submitButton");
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <Button
      type="submit"
      variant={variant}
      size={size}
      className={className}
      disabled={pending}
      aria-disabled={pending}
      name={name}
      value={value}
    >
      {pending ? (pendingLabel ?? t("saving")) : children}
    </Button>
  );
}
