import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { ClientMessages } from "@/components/client-messages";
import { HealthBadge, StatusBadge } from "@/components/ui/badge";
import { ProjectNav, type ProjectNavGroup } from "@/components/shell/project-nav";
import { getProject } from "@/lib/data/projects";
import { healthReasonWords } from "@/lib/health-words";
import { getFormat } from "@/lib/i18n/format-server";
import { PROJECT_TAB_GROUPS, PROJECT_TABS } from "@/lib/navigation";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";

export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const actor = await requireActor();
  // The health badge's reasons in the reader's words.
  const sayReason = await healthReasonWords(await getFormat());
  const { project, access } = await orNotFound(async () => await getProject(getDb(), actor, projectId, sayReason));
  const overviewHref = `/projects/${project.id}`;
  const tabs = PROJECT_TABS.filter(
    (t) => (!t.permission || access.can(t.permission)) && (!t.vendorOnly || actor.role !== "client"),
  );
  const groups: ProjectNavGroup[] = PROJECT_TAB_GROUPS.map((key) => ({
    key,
    items: tabs
      .filter((tab) => tab.group === key)
      .map((tab) => ({
        href: tab.segment ? `${overviewHref}/${tab.segment}` : overviewHref,
        labelKey: tab.labelKey,
      })),
  })).filter((g) => g.items.length > 0);
  const t = await getTranslations("projectHeader");
  const status = {
    active: t("statusActive"),
    on_hold: t("statusOnHold"),
    killed: t("statusKilled"),
    live: t("statusLive"),
    closed: t("statusClosed"),
  }[project.status];
  return (
    <ClientMessages namespaces={["projectNav"]}>
      <div>
        <div className="no-print mb-4 border-b border-slate-200">
          <p className="text-sm text-slate-600">{project.clientOrganization.name}</p>
          <div className="mt-0.5 flex flex-wrap items-center gap-2">
            <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{project.name}</h1>
            <StatusBadge status={project.status} label={status} />
            <span
              className={
                "rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800 ring-1 " +
                "ring-inset ring-brand-100"
              }
            >
              {project.status === "closed" ? t("allGatesPassed") : t("gate", { number: project.currentGate })}
            </span>
            <HealthBadge health={project.health} reasons={project.healthReasons} />
          </div>
          <div className="mt-3">
            <ProjectNav groups={groups} overviewHref={overviewHref} />
          </div>
        </div>
        {children}
      </div>
    </ClientMessages>
  );
}
