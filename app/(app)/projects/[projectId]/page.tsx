import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { humanize } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listAssignableUsers } from "@/lib/data/accounts";
import { nextStepOf } from "@/lib/data/next-step";
import { getProject, listProjectMembers } from "@/lib/data/projects";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { EditProjectDialog } from "./edit-project-dialog";
import { MembersPanel } from "./members-panel";
import { NextStepPanel } from "./next-step-panel";

export const metadata: Metadata = { title: "Project overview" };

export default async function ProjectOverviewPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const db = getDb();
  const { project, organization, access } = await orNotFound(async () => await getProject(db, actor, projectId));
  const members = await listProjectMembers(db, actor, projectId);
  const canManage = access.can("project.manageMembers");
  const candidates = canManage ? await listAssignableUsers(db, organization.id) : [];
  const step = await nextStepOf(db, actor, projectId);
  const facts: [string, string][] = [
    ["Client", `${organization.name} (${humanize(organization.sector)}, ${organization.country})`],
    ["Size class", humanize(project.sizeClass)],
    ["Start date", project.startDate],
    ["Target go-live", project.targetGoLiveDate],
    ["SOW reference", project.sowReference || "—"],
    ["Modules", project.modules.join(", ") || "—"],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
      <div className="min-w-0 space-y-6">
        {step ? <NextStepPanel projectId={project.id} step={step} /> : null}
        <Card
          title="About this rollout"
          actions={access.can("project.edit") ? <EditProjectDialog project={project} /> : null}
        >
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
          <Card title="Why the health is not green">
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
              {project.healthReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </Card>
        ) : null}
        {"internalNotes" in project && project.internalNotes ? (
          <Card title="Internal notes">
            <p className="whitespace-pre-wrap text-sm text-slate-800">{project.internalNotes}</p>
            <p className="mt-2 text-xs text-slate-500">Vendor only: never shown to client accounts.</p>
          </Card>
        ) : null}
      </div>
      <Card title={`Members (${members.length})`}>
        <MembersPanel projectId={project.id} members={members} candidates={candidates} canManage={canManage} />
      </Card>
    </div>
  );
}
