// Shared by client forms: the state before the first submission.
import type { FormState } from "@/lib/guard";

export const initialFormState: FormState = { ok: false };
