// Under an artifact whose policy names approver roles: who must approve, and who is still awaited
// (an approval by someone else is recorded but does not close the artifact).
import { useTranslations } from "next-intl";
import type { GateDetail } from "@/lib/data/gate-views";

type ArtifactItem = GateDetail["gate"]["artifacts"][number];

export function ApprovalProgress({
  artifact,
}: {
  artifact: Pick<ArtifactItem, "approverRoles" | "awaitingApprovalFrom" | "status">;
}) {
  const t = useTranslations("gateApproval");
  if (!artifact.approverRoles.length) return null;
  const roleWords: Record<string, string> = {
    project_manager: t("projectManager"),
    team_member: t("teamMember"),
    integrator: t("integrator"),
    client_owner: t("clientOwner"),
    guardian: t("guardian"),
    client_viewer: t("clientViewer"),
  };
  const roleName = (role: string) => roleWords[role] ?? role.replace(/_/g, " ");
  // "a and b and c", as the policy lists the roles.
  const joined = (items: string[]) => items.reduce((list, item) => (list ? t("and", { list, item }) : item), "");
  const awaited = artifact.awaitingApprovalFrom.flatMap((w) => (w.role ? [roleName(w.role)] : []));
  return (
    <p className="text-xs text-slate-600">
      {t("needs", { roles: joined(artifact.approverRoles.map(roleName)) })}
      {artifact.status === "submitted" && awaited.length ? ` · ${t("awaiting", { roles: joined(awaited) })}` : ""}
    </p>
  );
}
