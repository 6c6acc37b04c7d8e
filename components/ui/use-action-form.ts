"use client";

// Submits a form to a server action without React's automatic form reset, so a refused
// submission keeps exactly what the user typed (selects and dates included). Remount the
// form with `key={formKey}` to clear it after a success.
import { useActionState } from "react";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormState } from "@/lib/guard";
import { initialFormState } from "@/lib/form-state";

export function useActionForm<T>(action: (previous: FormState<unknown>, formData: FormData) => Promise<FormState<T>>) {
  const [state, dispatch, pending] = useActionState(action, initialFormState as FormState<T>);
  const onSubmit = submitWithoutReset(dispatch);
  const formKey = state.ok ? `done-${state.at}` : "editing";
  return { state, onSubmit, pending, formKey };
}
