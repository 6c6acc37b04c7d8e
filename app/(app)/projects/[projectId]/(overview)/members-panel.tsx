"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { PROJECT_ROLES } from "@/db/enums";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { roleLabel, useProjectRoleLabels } from "../../role-labels";
import { addMemberAction, removeMemberAction } from "../actions";

type Member = { userId: string; name: string; email: string; globalRole: string; roles: string[] };
type Candidate = { id: string; name: string; email: string; role: string };

const VENDOR = ["project_manager", "team_member", "integrator"];

export function MembersPanel({
  projectId,
  members,
  candidates,
  canManage,
}: {
  projectId: string;
  members: Member[];
  candidates: Candidate[];
  canManage: boolean;
}) {
  const { state, onSubmit, pending: adding, formKey } = useActionForm(addMemberAction);
  const t = useTranslations("projectMembers");
  const roleLabels = useProjectRoleLabels();
  const label = (role: string) => roleLabel(roleLabels, role);
  const [userId, setUserId] = useState("");
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const candidate = candidates.find((c) => c.id === userId);
  const roles = PROJECT_ROLES.filter(
    (r) => !candidate || (candidate.role === "client" ? !VENDOR.includes(r) : VENDOR.includes(r)),
  );

  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-100">
        {members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">{m.name}</p>
              <p className="truncate text-xs text-slate-600">{m.email}</p>
            </div>
            <ul className="flex flex-wrap gap-1" aria-label={t("rolesOf", { name: m.name })}>
              {m.roles.map((role) => (
                <li
                  key={role}
                  className="flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800"
                >
                  {label(role)}
                  {canManage ? (
                    <ConfirmDialog
                      trigger={
                        <button
                          type="button"
                          className="ml-0.5 rounded-full px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
                          aria-label={t("removeAs", { name: m.name, role: label(role) })}
                          disabled={pending}
                        >
                          ✕
                        </button>
                      }
                      title={t("removeTitle", { name: m.name })}
                      description={t("removeDescription", { name: m.name, role })}
                      confirmLabel={t("remove")}
                      onConfirm={() =>
                        startTransition(async () => {
                          const result = await removeMemberAction({
                            projectId,
                            userId: m.userId,
                            role: role as (typeof PROJECT_ROLES)[number],
                          });
                          setRemoveError(result.ok ? null : (result.message ?? t("removeFailed")));
                        })
                      }
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {removeError ? (
        <p role="alert" className="text-sm text-red-700">
          {removeError}
        </p>
      ) : null}
      {canManage ? (
        <form
          key={formKey}
          onSubmit={onSubmit}
          className="grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end"
        >
          <input type="hidden" name="projectId" value={projectId} />
          <Select
            label={t("addMember")}
            className="sm:col-span-2"
            name="userId"
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            placeholder={t("chooseAccount")}
            errors={state.fieldErrors?.userId}
            options={candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
          />
          <Select
            label={t("projectRole")}
            name="role"
            errors={state.fieldErrors?.role}
            options={roles.map((r) => ({ value: r, label: label(r) }))}
          />
          <SubmitButton pendingLabel={t("adding")} pending={adding}>
            {t("add")}
          </SubmitButton>
          <div className="sm:col-span-2">
            <FormMessage state={state} success={t("added")} />
          </div>
        </form>
      ) : null}
    </div>
  );
}
