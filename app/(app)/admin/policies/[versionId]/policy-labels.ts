// The admin's words for a policy's machine values (roles, sizes, rules, schedules), in the reader's
// language; lib/domain/policy-labels.ts keeps the English ones the audit's change lines use.
import { useTranslations } from "next-intl";
import type { PolicyGate, ProjectRole } from "@/db/schema";

export function usePolicyLabels() {
  const t = useTranslations("adminPolicyVersion");
  const role = (r: ProjectRole | string) =>
    ({
      project_manager: t("roleProjectManager"),
      team_member: t("roleTeamMember"),
      integrator: t("roleIntegrator"),
      client_owner: t("roleClientOwner"),
      guardian: t("roleGuardian"),
      client_viewer: t("roleClientViewer"),
    })[r] ?? r;
  const size = (s: string) => ({ small: t("sizeSmall"), standard: t("sizeStandard"), large: t("sizeLarge") })[s] ?? s;
  const rule = (g: Pick<PolicyGate, "decisionRule" | "quorum">) =>
    g.decisionRule === "quorum"
      ? t("ruleQuorum", { count: g.quorum ?? 0 })
      : g.decisionRule === "unanimous"
        ? t("ruleUnanimous")
        : t("ruleMajority");
  const approvers = (roles: ProjectRole[] | undefined) =>
    roles?.length ? roles.map(role).join(t("and")) : t("anyBoardMember");
  const schedule = (s: PolicyGate["schedule"]) => {
    if (!s) return t("scheduleSpread");
    const days = Math.abs(s.days);
    if (s.anchor === "start")
      return s.days === 0
        ? t("scheduleOnStart")
        : s.days < 0
          ? t("daysBeforeStart", { days })
          : t("daysAfterStart", { days });
    return s.days === 0
      ? t("scheduleOnGoLive")
      : s.days < 0
        ? t("daysBeforeGoLive", { days })
        : t("daysAfterGoLive", { days });
  };
  return { t, role, size, rule, approvers, schedule };
}
