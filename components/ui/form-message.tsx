import type { FormState } from "@/lib/guard";
import { cx } from "./cx";

/** The form-level outcome: an error summary (role=alert) or a success note (role=status). */
export function FormMessage({ state, success }: { state: FormState<unknown>; success?: string }) {
  if (!state.at) return null;
  if (!state.ok && state.message) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {state.message}
      </p>
    );
  }
  if (state.ok && success) {
    return (
      <p
        role="status"
        className={cx("rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800")}
      >
        {success}
      </p>
    );
  }
  return null;
}
