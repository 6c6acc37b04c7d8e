"use client";

// The new password and its repetition, as every form that sets one asks for them (an invitation,
// a reset, the first sign-in's choice, the settings page): one wording in every language, and the
// `new-password` autocomplete that lets password managers suggest one and save it.
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/field";
import type { FormState } from "@/lib/guard";

export function NewPasswordFields({
  errors = {},
  autoFocus,
}: {
  /** The form's field errors: `newPassword` and `confirmPassword` are shown under their fields. */
  errors?: FormState<unknown>["fieldErrors"];
  /** For a form where the new password is the first thing to type. */
  autoFocus?: boolean;
}) {
  const t = useTranslations("newPasswordFields");
  return (
    <>
      <Input
        label={t("newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        errors={errors.newPassword}
        hint={t("newPasswordHint")}
        autoFocus={autoFocus}
      />
      <Input
        label={t("repeatPassword")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        errors={errors.confirmPassword}
      />
    </>
  );
}
