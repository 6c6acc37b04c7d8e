import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { SIZE_CLASSES } from "@/db/schema";
import { Badge, StatusBadge, humanize } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getPolicyVersion } from "@/lib/data/policies";
import { ruleLabel } from "@/lib/domain/policy";
import { approverLabel, REQUIREMENT_LABELS, roleLabel, scheduleLabel, yesNo } from "@/lib/domain/policy-labels";
import { orNotFound } from "@/lib/page";
import { requireAdminPage } from "../../require-admin";
import { formatDateTime } from "@/lib/display-format";

export const metadata: Metadata = { title: "Gate policy version" };

export default async function PolicyVersionPage({ params }: { params: Promise<{ versionId: string }> }) {
  const actor = await requireAdminPage();
  const { versionId } = await params;
  const version = await orNotFound(async () => await getPolicyVersion(getDb(), actor, versionId));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/policies" className="text-brand-700 underline">
          ← Gate policies
        </Link>
      </p>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {version.policy.name} · version {version.version}
            {version.isLatest ? (
              <Badge tone="success">Latest</Badge>
            ) : (
              <Badge>Superseded by version {version.latestVersion}</Badge>
            )}
          </span>
        }
        description={
          `Published ${formatDateTime(version.publishedAt)} ` +
          `by ${version.publishedBy ?? "the initial seed"}${version.note ? ` — ${version.note}` : ""}. Used ` +
          `by ${version.projectCount} project${version.projectCount === 1 ? "" : "s"}.`
        }
        actions={
          version.isLatest ? (
            <ButtonLink href={`/admin/policies/${version.id}/edit`} variant="primary">
              Edit and publish version {version.version + 1}
            </ButtonLink>
          ) : null
        }
      />
      {!version.isLatest ? (
        <p className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          This version is kept unchanged for the projects bound to it. To change the policy, edit the latest version.
        </p>
      ) : null}
      <div className="space-y-4">
        {version.gates.map((gate) => (
          <Card
            key={gate.number}
            title={`Gate ${gate.number} · ${gate.name}`}
            actions={<Badge tone="info">Decision: {ruleLabel(gate)}</Badge>}
          >
            <p className="text-sm text-slate-800">{gate.objectives}</p>
            <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">Planned date of a new project</dt>
              <dd>{scheduleLabel(gate.schedule)}</dd>
              <dt className="text-slate-600">Must pass before go-live</dt>
              <dd>{yesNo(gate.requiredBeforeGoLive)}</dd>
            </dl>
            <h3 className="mt-4 text-sm font-semibold text-slate-900">Default review board</h3>
            <ul className="mt-1 flex flex-wrap gap-2 text-sm">
              {gate.defaultBoard.map((seat) => (
                <li key={seat.projectRole}>
                  <Badge tone={seat.required ? "warning" : "neutral"}>
                    {roleLabel(seat.projectRole)}
                    {seat.required ? " · required" : ""}
                  </Badge>
                </li>
              ))}
            </ul>
            <h3 className="mt-4 text-sm font-semibold text-slate-900">Required artifacts by project size</h3>
            <Table caption={`Artifacts of gate ${gate.number}`} className="mt-1">
              <thead>
                <tr>
                  <Th>Artifact</Th>
                  <Th>Approved by</Th>
                  {SIZE_CLASSES.map((size) => (
                    <Th key={size}>{humanize(size)}</Th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {gate.artifactTypes.map((artifact) => (
                  <tr key={artifact.key}>
                    <Td>{artifact.title}</Td>
                    <Td className="text-slate-700">{approverLabel(artifact.approverRoles)}</Td>
                    {SIZE_CLASSES.map((size) => (
                      <Td key={size}>
                        {artifact.requirement[size] ? (
                          <Badge tone={artifact.requirement[size] === "must" ? "warning" : "info"}>
                            {REQUIREMENT_LABELS[artifact.requirement[size]!]}
                          </Badge>
                        ) : (
                          <span className="text-slate-500">not required</span>
                        )}
                      </Td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        ))}
        <Card title={`Projects on version ${version.version}`}>
          {version.projects.length === 0 ? (
            <p className="text-sm text-slate-600">
              No project is bound to this version{version.isLatest ? " yet: new projects will be." : "."}
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {version.projects.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                  <Link href={`/projects/${p.id}`} className="text-brand-700 underline">
                    {p.name}
                  </Link>
                  <span className="flex items-center gap-2 text-slate-600">
                    {p.organization} <StatusBadge status={p.status} />
                  </span>
                </li>
              ))}
              {version.projectCount > version.projects.length ? (
                <li className="py-1.5 text-slate-600">… and {version.projectCount - version.projects.length} more.</li>
              ) : null}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
