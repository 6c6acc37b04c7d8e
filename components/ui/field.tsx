// Form fields: a label, the control, a hint and the error, tied together for screen readers.
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cx } from "./cx";

const CONTROL =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm " +
  "placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 " +
  "disabled:bg-slate-100";

type FieldProps = {
  label: ReactNode;
  /** Errors for this field (from FormState.fieldErrors[name]). */
  errors?: string[];
  hint?: ReactNode;
  className?: string;
};

function useFieldIds(id?: string) {
  const generated = useId();
  const controlId = id ?? generated;
  return { controlId, hintId: `${controlId}-hint`, errorId: `${controlId}-error` };
}

function FieldFrame({
  label,
  errors,
  hint,
  className,
  ids,
  children,
}: FieldProps & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className={cx("space-y-1", className)}>
      <label htmlFor={ids.controlId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={ids.hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={ids.errorId} className="text-sm text-red-700" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(ids: ReturnType<typeof useFieldIds>, hint: unknown, errors?: string[]) {
  return [hint ? ids.hintId : null, errors?.length ? ids.errorId : null].filter(Boolean).join(" ") || undefined;
}

export function Input({
  label,
  errors,
  hint,
  className,
  id,
  ...props
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(id);
  return (
    <FieldFrame label={label} errors={errors} hint={hint} className={className} ids={ids}>
      <input
        id={ids.controlId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(ids, hint, errors)}
        className={cx(CONTROL, errors?.length ? "border-red-600" : "border-slate-300")}
        {...props}
      />
    </FieldFrame>
  );
}

export function Textarea({
  label,
  errors,
  hint,
  className,
  id,
  ...props
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(id);
  return (
    <FieldFrame label={label} errors={errors} hint={hint} className={className} ids={ids}>
      <textarea
        id={ids.controlId}
        rows={props.rows ?? 4}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(ids, hint, errors)}
        className={cx(CONTROL, errors?.length ? "border-red-600" : "border-slate-300")}
        {...props}
      />
    </FieldFrame>
  );
}

export function Select({
  label,
  errors,
  hint,
  className,
  id,
  options,
  placeholder,
  ...props
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const ids = useFieldIds(id);
  return (
    <FieldFrame label={label} errors={errors} hint={hint} className={className} ids={ids}>
      <select
        id={ids.controlId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(ids, hint, errors)}
        className={cx(CONTROL, errors?.length ? "border-red-600" : "border-slate-300")}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function Checkbox({
  label,
  className,
  id,
  ...props
}: { label: ReactNode; className?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <div className={cx("flex items-center gap-2", className)}>
      <input id={controlId} type="checkbox" className="h-4 w-4 rounded border-slate-400 text-brand-700" {...props} />
      <label htmlFor={controlId} className="text-sm text-slate-800">
        {label}
      </label>
    </div>
  );
}
