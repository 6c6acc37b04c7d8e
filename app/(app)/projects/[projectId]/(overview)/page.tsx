import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card } from "@/components/ui/card";
import { listAssignableUsers } from "@/lib/data/accounts";
import { nextStepOf } from "@/lib/data/next-step";
import { getProject, listProjectMembers } from "@/lib/data/projects";
import { healthReasonWords } from "@/lib/health-words";
import { getFormat } from "@/lib/i18n/format-server";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { EditProjectDialog } from "./edit-project-dialog";
import { MembersPanel } from "./members-panel";
import { NextStepPanel } from "./next-step-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projectOverview");
  return { title: t("title") };
}

export default async function ProjectOverviewPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const db = getDb();
  const format = await getFormat();
  const sayReason = await healthReasonWords(format);
  const { project, organization, access } = await orNotFound(
    async () => await getProject(db, actor, projectId, sayReason),
  );
  const members = await listProjectMembers(db, actor, projectId);
  const canManage = access.can("project.manageMembers");
  const candidates = canManage ? await listAssignableUsers(db, organization.id) : [];
  const step = await nextStepOf(db, actor, projectId);
  const t = await getTranslations("projectOverview");
  const sector = {
    energy: t("sectorEnergy"),
    water: t("sectorWater"),
    gas: t("sectorGas"),
    telecom: t("sectorTelecom"),
    other: t("sectorOther"),
  }[organization.sector];
  const size = { small: t("sizeSmall"), standard: t("sizeStandard"), large: t("sizeLarge") }[project.sizeClass];
  const facts: [string, string][] = [
    [t("client"), t("clientValue", { name: organization.name, sector, country: organization.country })],
    [t("sizeClass"), size],
    [t("startDate"), format.date(project.startDate)],
    [t("targetGoLive"), format.date(project.targetGoLiveDate)],
    [t("sowReference"), project.sowReference || "—"],
    [t("modules"), project.modules.join(", ") || "—"],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
      <div className="min-w-0 space-y-6">
        {step ? <NextStepPanel projectId={project.id} step={step} /> : null}
        <Card title={t("about")} actions={access.can("project.edit") ? <EditProjectDialog project={project} /> : null}>
          {project.description ? <p className="mb-4 text-sm text-slate-700">{project.description}</p> : null}
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
                <dd className="text-sm text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {project.healthReasons.length ? (
          <Card title={t("whyNotGreen")}>
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
              {project.healthReasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </Card>
        ) : null}
        {"internalNotes" in project && project.internalNotes ? (
          <Card title={t("internalNotes")}>
            <p className="whitespace-pre-wrap text-sm text-slate-800">{project.internalNotes}</p>
            <p className="mt-2 text-xs text-slate-500">{t("vendorOnly")}</p>
          </Card>
        ) : null}
      </div>
      <Card title={t("members", { count: members.length })}>
        <MembersPanel projectId={project.id} members={members} candidates={candidates} canManage={canManage} />
      </Card>
    </div>
  );
}
