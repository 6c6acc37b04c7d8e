import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { MermaidDiagram } from "@/components/mermaid-diagram";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { getIntegrationRegistry } from "@/lib/data/integration";
import { diagramFreezeRefusal, diagramSource } from "@/lib/data/integration-diagram";
import { PROTOCOL_LABELS, STATUS_STYLES, SYSTEM_KIND_LABELS } from "@/lib/domain/integration-diagram";
import { INTERFACE_STATUS_LABELS } from "@/lib/domain/interface";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { FreezeDiagramButton } from "./diagram-actions";
import {
  AddInterfaceForm,
  DeleteInterfaceButton,
  EditInterfaceDialog,
  InterfaceStatusControl,
} from "./interface-forms";
import { AddSystemForm, DeleteSystemButton, EditSystemDialog } from "./system-forms";

export const metadata: Metadata = { title: "Integration" };

const DIRECTION_SHORT = { inbound: "Inbound", outbound: "Outbound", bidirectional: "Both ways" } as const;

export default async function IntegrationPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const registry = await orNotFound(async () => await getIntegrationRegistry(getDb(), actor, projectId));
  const { project, systems, interfaces, canEdit, canFreeze } = registry;
  const definition = diagramSource(systems, interfaces);
  const freezeRefusal = canFreeze ? await diagramFreezeRefusal(getDb(), project.id) : null;
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  const systemOptions = systems.map((s) => ({ value: s.id, label: s.name }));
  const interfacesBySystem = new Map<string, number>();
  for (const i of interfaces) interfacesBySystem.set(i.systemId, (interfacesBySystem.get(i.systemId) ?? 0) + 1);
  const sorted = [...interfaces].sort(
    (a, b) =>
      (systemName.get(a.systemId) ?? "").localeCompare(systemName.get(b.systemId) ?? "") ||
      a.name.localeCompare(b.name),
  );
  const exportHref = (format: string) => `/api/v1/projects/${project.id}/interfaces/export?format=${format}`;
  const slug =
    project.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "project";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold text-slate-900">Integration</h2>
          <p className="text-sm text-slate-600">
            External systems and interfaces of this rollout. The concept diagram is drawn from this registry.
            {canEdit ? "" : " You can read the registry; the project manager and the project's integrators edit it."}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <a
            className={
              "inline-flex items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm " +
              "font-medium text-slate-800 hover:bg-slate-100"
            }
            href={exportHref("markdown")}
            download
          >
            Export markdown
          </a>
          <a
            className={
              "inline-flex items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm " +
              "font-medium text-slate-800 hover:bg-slate-100"
            }
            href={exportHref("csv")}
            download
          >
            Export CSV
          </a>
          {canFreeze && !freezeRefusal ? <FreezeDiagramButton projectId={project.id} /> : null}
        </div>
      </div>

      <Card title="Integration concept diagram">
        {canFreeze && freezeRefusal ? (
          <p className="mb-3 text-sm text-slate-600">Freezing into gate 6 is closed: {freezeRefusal}</p>
        ) : null}
        <MermaidDiagram
          definition={definition}
          title={`Integration concept diagram of ${project.name}`}
          description={
            `The billing platform in the middle with ${systems.length} external systems ` +
            `and ${interfaces.length} interfaces; edges are coloured by interface status.`
          }
          textAlternativeId="interfaces-table"
          downloadFileName={`integration-concept-${slug}.svg`}
        />
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
          {(Object.keys(STATUS_STYLES) as (keyof typeof STATUS_STYLES)[]).map((status) => (
            <li key={status} className="flex items-center gap-1.5">
              <svg width="28" height="8" aria-hidden>
                <line
                  x1="0"
                  y1="4"
                  x2="28"
                  y2="4"
                  stroke={STATUS_STYLES[status].stroke}
                  strokeWidth={STATUS_STYLES[status].width}
                  strokeDasharray={STATUS_STYLES[status].dashed ? "5 4" : undefined}
                />
              </svg>
              {INTERFACE_STATUS_LABELS[status]}
            </li>
          ))}
          <li>Arrows show the direction data flows.</li>
        </ul>
      </Card>

      <Card title={`External systems (${systems.length})`}>
        {systems.length === 0 ? (
          <EmptyState title="No external systems yet">
            {canEdit
              ? "Add the CRM, ERP, portals, payment gateway and other systems the platform talks to."
              : "The project team has not registered any system yet."}
          </EmptyState>
        ) : (
          <Table caption="External systems">
            <thead>
              <tr>
                <Th>System</Th>
                <Th>Kind</Th>
                <Th>Interfaces</Th>
                <Th>Description</Th>
                {canEdit ? <Th>Actions</Th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {systems.map((s) => (
                <tr key={s.id}>
                  <Td className="font-medium">{s.name}</Td>
                  <Td>{SYSTEM_KIND_LABELS[s.kind]}</Td>
                  <Td>{interfacesBySystem.get(s.id) ?? 0}</Td>
                  <Td className="max-w-md text-slate-600">{s.description || "—"}</Td>
                  {canEdit ? (
                    <Td className="whitespace-nowrap">
                      <EditSystemDialog projectId={project.id} system={s} />
                      {(interfacesBySystem.get(s.id) ?? 0) === 0 ? (
                        <DeleteSystemButton projectId={project.id} system={s} />
                      ) : null}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {canEdit ? (
          <section className="mt-4 rounded-md border border-slate-200 p-3" aria-label="Add a system">
            <h3 className="text-sm font-semibold text-slate-900">Add a system</h3>
            <div className="mt-3">
              <AddSystemForm projectId={project.id} />
            </div>
          </section>
        ) : null}
      </Card>

      <Card title={`Interfaces (${interfaces.length})`}>
        {interfaces.length === 0 ? (
          <EmptyState title="No interfaces yet">
            {systems.length === 0
              ? "Register a system first, then its interfaces."
              : canEdit
                ? "Add the interfaces of the registered systems."
                : "No interface is registered yet."}
          </EmptyState>
        ) : (
          <div id="interfaces-table">
            <Table caption="Interfaces: the text alternative of the integration concept diagram">
              <thead>
                <tr>
                  <Th>System</Th>
                  <Th>Interface</Th>
                  <Th>Direction</Th>
                  <Th>Protocol</Th>
                  <Th>Frequency</Th>
                  <Th>Owner</Th>
                  <Th>Module</Th>
                  <Th>Status</Th>
                  {canEdit ? <Th>Actions</Th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sorted.map((i) => (
                  <tr key={i.id}>
                    <Td>{systemName.get(i.systemId)}</Td>
                    <Td className="font-medium">
                      {i.name}
                      {i.description ? (
                        <p className="mt-0.5 max-w-xs text-xs font-normal text-slate-600">{i.description}</p>
                      ) : null}
                    </Td>
                    <Td>{DIRECTION_SHORT[i.direction]}</Td>
                    <Td>{PROTOCOL_LABELS[i.protocol]}</Td>
                    <Td>{i.frequency}</Td>
                    <Td>{i.owner || "—"}</Td>
                    <Td>{i.module ?? "—"}</Td>
                    <Td>
                      <StatusBadge status={i.status} label={INTERFACE_STATUS_LABELS[i.status]} />
                    </Td>
                    {canEdit ? (
                      <Td className="min-w-52">
                        <InterfaceStatusControl projectId={project.id} row={i} />
                        <div className="mt-1 flex flex-wrap">
                          <EditInterfaceDialog projectId={project.id} row={i} systems={systemOptions} />
                          <DeleteInterfaceButton projectId={project.id} row={i} />
                        </div>
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        {canEdit && systems.length > 0 ? (
          <section className="mt-4 rounded-md border border-slate-200 p-3" aria-label="Add an interface">
            <h3 className="text-sm font-semibold text-slate-900">Add an interface</h3>
            <div className="mt-3">
              <AddInterfaceForm projectId={project.id} systems={systemOptions} />
            </div>
          </section>
        ) : null}
        {interfaces.length > 0 ? (
          <p className="mt-3 text-xs text-slate-600">
            <Badge>Rule</Badge> An interface moves forward one step at a time (designed → developed → tested → live);
            moving it back needs a reason.
          </p>
        ) : null}
      </Card>
    </div>
  );
}
