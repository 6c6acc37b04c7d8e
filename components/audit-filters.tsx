// The audit trail's filters (project trail and administrators' trail): a search, selects of the
// values present, a date range, each with its error.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { buttonClass } from "@/components/ui/button";
import type { AuditFilterLabels } from "@/lib/audit-filter-words";

type Props = {
  label: string;
  name: string;
  defaultValue: string;
  errors?: string[];
  options?: { value: string; label: string }[];
  anyLabel?: string;
  type?: "date" | "search";
  placeholder?: string;
};

export function FilterField({ label, name, defaultValue, errors, options, anyLabel, type, placeholder }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const control =
    "mt-1 block w-full rounded-md border px-3 py-2 text-sm " + (errors?.length ? "border-red-600" : "border-slate-300");
  const shared = {
    id,
    name,
    defaultValue,
    className: control,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": errors?.length ? errorId : undefined,
  };
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
        <input type={type ?? "text"} placeholder={placeholder} {...shared} />
      )}
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export const AUDIT_FILTER_KEYS = ["q", "action", "actor", "objectType", "from", "to"] as const;
export type AuditFilterValues = Record<(typeof AUDIT_FILTER_KEYS)[number], string>;

type Facets = {
  actions: string[];
  objectTypes: string[];
  actors: { id: string | null; email: string; name: string }[];
};

export function AuditFilterForm({
  basePath,
  values,
  errors,
  facets,
  labels,
}: {
  basePath: string;
  values: AuditFilterValues;
  errors: Record<string, string[] | undefined>;
  facets: Facets;
  /** Actions and object types in the reader's words (the page's requestAuditFilterLabels()). */
  labels: AuditFilterLabels;
}) {
  const t = useTranslations("auditFilters");
  const filtered = AUDIT_FILTER_KEYS.some((k) => values[k]);
  return (
    <form
      role="search"
      aria-label={t("label")}
      action={basePath}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-3 lg:items-end"
    >
      <FilterField
        label={t("search")}
        name="q"
        type="search"
        defaultValue={values.q}
        errors={errors.q}
        placeholder={t("searchPlaceholder")}
      />
      <FilterField
        label={t("person")}
        name="actor"
        defaultValue={values.actor}
        errors={errors.actor}
        options={facets.actors.map((a) => ({
          value: a.id ?? a.email,
          label: a.name === a.email ? a.email : `${a.name} (${a.email})`,
        }))}
        anyLabel={t("anyone")}
      />
      <FilterField
        label={t("action")}
        name="action"
        defaultValue={values.action}
        errors={errors.action}
        options={facets.actions.map((a) => ({ value: a, label: labels.action(a) }))}
        anyLabel={t("anyAction")}
      />
      <FilterField
        label={t("objectType")}
        name="objectType"
        defaultValue={values.objectType}
        errors={errors.objectType}
        options={facets.objectTypes.map((type) => ({ value: type, label: labels.objectType(type) }))}
        anyLabel={t("anyObject")}
      />
      <FilterField label={t("from")} name="from" type="date" defaultValue={values.from} errors={errors.from} />
      <FilterField label={t("to")} name="to" type="date" defaultValue={values.to} errors={errors.to} />
      <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
        <button type="submit" className={buttonClass("secondary")}>
          {t("filter")}
        </button>
        {filtered ? (
          <Link href={basePath} className="px-2 py-2 text-sm text-brand-700 underline">
            {t("clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
