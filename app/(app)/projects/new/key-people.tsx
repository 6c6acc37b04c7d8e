"use client";

// The other board members named at creation: a person, their project role, and whether they
// sit on every gate's board. Sent to the action as JSON in one hidden field.
import { useTranslations } from "next-intl";
import { useId } from "react";
import { PROJECT_ROLES } from "@/db/enums";
import { Checkbox, Select } from "@/components/ui/field";
import { roleLabel, useProjectRoleLabels } from "../role-labels";

export type Person = { id: string; name: string; email: string; role: string; organizationId: string | null };
export type KeyPersonRow = { key: number; userId: string; role: string; board: boolean };

const VENDOR_ROLES = ["project_manager", "team_member", "integrator"];
const rolesFor = (person: Person | undefined) =>
  PROJECT_ROLES.filter(
    (r) => !person || (person.role === "client" ? !VENDOR_ROLES.includes(r) : VENDOR_ROLES.includes(r)),
  );

export function KeyPeople({
  rows,
  onChange,
  people,
  errors,
}: {
  rows: KeyPersonRow[];
  onChange: (rows: KeyPersonRow[]) => void;
  people: Person[];
  errors?: string[];
}) {
  const errorId = useId();
  const t = useTranslations("keyPeople");
  const roleLabels = useProjectRoleLabels();
  const update = (key: number, change: Partial<KeyPersonRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const chosen = rows.filter((r) => r.userId).map(({ userId, role, board }) => ({ userId, role, board }));
  return (
    <fieldset
      className="space-y-3 rounded-md border border-slate-200 p-3"
      aria-describedby={errors?.length ? errorId : undefined}
    >
      <legend className="px-1 text-sm font-medium text-slate-800">{t("legend")}</legend>
      <input type="hidden" name="members" value={JSON.stringify(chosen)} />
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t("nobodyYet")}</p> : null}
      {rows.map((row, i) => {
        const person = people.find((p) => p.id === row.userId);
        const roles = rolesFor(person);
        return (
          <div
            key={row.key}
            className="grid gap-2 border-b border-slate-100 pb-3 sm:grid-cols-[1fr_11rem] sm:items-end"
          >
            <Select
              label={t("member", { number: i + 1 })}
              value={row.userId}
              onChange={(e) => {
                const next = people.find((p) => p.id === e.target.value);
                const role = rolesFor(next).includes(row.role as (typeof PROJECT_ROLES)[number])
                  ? row.role
                  : next?.role === "client"
                    ? "client_viewer"
                    : "team_member";
                update(row.key, { userId: e.target.value, role });
              }}
              placeholder={t("choosePerson")}
              options={people.map((p) => ({
                value: p.id,
                label:
                  p.role === "client"
                    ? t("clientPerson", { name: p.name, email: p.email })
                    : t("person", { name: p.name, email: p.email }),
              }))}
            />
            <Select
              label={t("roleOfMember", { number: i + 1 })}
              value={row.role}
              onChange={(e) => update(row.key, { role: e.target.value })}
              options={roles.map((r) => ({ value: r, label: roleLabel(roleLabels, r) }))}
            />
            <div className="flex flex-wrap items-center justify-between gap-2 sm:col-span-2">
              <Checkbox
                label={t("sitsOnEveryBoard", { number: i + 1 })}
                checked={row.board}
                onChange={(e) => update(row.key, { board: e.target.checked })}
              />
              <button
                type="button"
                className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50"
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                {t("remove")}
                <span className="sr-only">{t("removeWhom", { number: i + 1 })}</span>
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
        onClick={() =>
          onChange([
            ...rows,
            { key: Math.max(0, ...rows.map((r) => r.key)) + 1, userId: "", role: "team_member", board: true },
          ])
        }
      >
        {t("addBoardMember")}
      </button>
      {errors?.length ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
