"use client";

// A form in a dialog that closes itself when its server action succeeds (and stays open,
// showing the errors, when it is refused).
import { useActionState, useState } from "react";
import type { FormState } from "@/lib/guard";
import { initialFormState } from "@/lib/form-state";

export function useDialogAction<T>(
  action: (previous: FormState<unknown>, formData: FormData) => Promise<FormState<T>>,
) {
  const [open, setOpen] = useState(false);
  const [state, submit, pending] = useActionState(async (previous: FormState<unknown>, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) setOpen(false);
    return result as FormState<unknown>;
  }, initialFormState);
  return { open, setOpen, state, submit, pending };
}
