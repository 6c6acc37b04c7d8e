// Under an artifact whose policy names approver roles: who must approve, and who is still awaited
// (an approval by someone else is recorded but does not close the artifact).
import type { GateDetail } from "@/lib/data/gate-views";

type ArtifactItem = GateDetail["gate"]["artifacts"][number];
const roleName = (role: string) => role.replace(/_/g, " ");
const joined = (items: string[]) => items.join(" and ");

export function ApprovalProgress({
  artifact,
}: {
  artifact: Pick<ArtifactItem, "approverRoles" | "awaitingApprovalFrom" | "status">;
}) {
  if (!artifact.approverRoles.length) return null;
  const awaited = artifact.awaitingApprovalFrom.flatMap((w) => (w.role ? [roleName(w.role)] : []));
  return (
    <p className="text-xs text-slate-600">
      Needs the approval of the {joined(artifact.approverRoles.map(roleName))}
      {artifact.status === "submitted" && awaited.length ? ` · still awaiting the ${joined(awaited)}` : ""}
    </p>
  );
}
