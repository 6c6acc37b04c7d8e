// A filter of the audit timeline: a select of the values present, or a date, with its error.
import { useId } from "react";

type Props = {
  label: string;
  name: string;
  defaultValue: string;
  errors?: string[];
  options?: { value: string; label: string }[];
  anyLabel?: string;
  type?: "date";
};

export function FilterField({ label, name, defaultValue, errors, options, anyLabel, type }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const control = "mt-1 block w-full rounded-md border px-3 py-2 text-sm " + (errors?.length ? "border-red-600" : "border-slate-300");
  const shared = { id, name, defaultValue, className: control, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": errors?.length ? errorId : undefined };
  const known = options?.some((o) => o.value === defaultValue);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {options ? (
        <select {...shared}>
          <option value="">{anyLabel}</option>
          {/* Keep a value typed into the URL selectable even if no event has it. */}
          {defaultValue && !known ? <option value={defaultValue}>{defaultValue}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input type={type ?? "text"} {...shared} />
      )}
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
