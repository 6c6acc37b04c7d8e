// Project roles in the reader's language, for the project's client components (members, key people).
import { useTranslations } from "next-intl";
import type { ProjectRole } from "@/db/enums";

export function useProjectRoleLabels(): Record<ProjectRole, string> {
  const t = useTranslations("projectRoles");
  return {
    project_manager: t("projectManager"),
    team_member: t("teamMember"),
    integrator: t("integrator"),
    client_owner: t("clientOwner"),
    guardian: t("guardian"),
    client_viewer: t("clientViewer"),
  };
}

/** A role's label, or the value itself for a role this version does not know. */
export const roleLabel = (labels: Record<ProjectRole, string>, role: string) =>
  labels[role as ProjectRole] ?? role.replace(/_/g, " ");
