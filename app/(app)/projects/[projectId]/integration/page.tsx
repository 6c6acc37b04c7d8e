import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { MermaidDiagram } from "@/components/mermaid-diagram";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { getIntegrationRegistry } from "@/lib/data/integration";
import { diagramFreezeRefusal } from "@/lib/data/integration-diagram";
import { integrationDiagram, STATUS_STYLES, type DiagramWords } from "@/lib/domain/integration-diagram";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { FreezeDiagramButton } from "./diagram-actions";
import { getIntegrationLabels } from "./labels";
import {
  AddInterfaceForm,
  DeleteInterfaceButton,
  EditInterfaceDialog,
  InterfaceStatusControl,
} from "./interface-forms";
import { AddSystemForm, DeleteSystemButton, EditSystemDialog } from "./system-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("integrationPage");
  return { title: t("title") };
}

export default async function IntegrationPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const registry = await orNotFound(async () => await getIntegrationRegistry(getDb(), actor, projectId));
  const { project, systems, interfaces, canEdit, canFreeze } = registry;
  const t = await getTranslations("integrationPage");
  const labels = await getIntegrationLabels();
  const words: DiagramWords = { kinds: labels.kinds, protocols: labels.protocols };
  const statusLabel = labels.statuses;
  const directionShort = {
    inbound: t("directionInbound"),
    outbound: t("directionOutbound"),
    bidirectional: t("directionBoth"),
  } as const;
  // Drawn in the reader's words; the version frozen into gate 6 is made by lib/data/integration-diagram.
  const definition = integrationDiagram({ platformName: t("platform"), systems, interfaces, words });
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
          <h2 className="text-lg font-semibold text-slate-900">{t("heading")}</h2>
          <p className="text-sm text-slate-600">
            {t("intro")}
            {canEdit ? "" : ` ${t("readOnly")}`}
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
            {t("exportMarkdown")}
          </a>
          <a
            className={
              "inline-flex items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm " +
              "font-medium text-slate-800 hover:bg-slate-100"
            }
            href={exportHref("csv")}
            download
          >
            {t("exportCsv")}
          </a>
          {canFreeze && !freezeRefusal ? <FreezeDiagramButton projectId={project.id} /> : null}
        </div>
      </div>

      <Card title={t("diagramCard")}>
        {canFreeze && freezeRefusal ? (
          <p className="mb-3 text-sm text-slate-600">{t("freezeClosed", { reason: freezeRefusal })}</p>
        ) : null}
        <MermaidDiagram
          definition={definition}
          title={t("diagramTitle", { name: project.name })}
          description={t("diagramDescription", { systems: systems.length, interfaces: interfaces.length })}
          textAlternativeId="interfaces-table"
          downloadFileName={`integration-concept-${slug}.svg`}
        />
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("legend")}>
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
              {statusLabel[status]}
            </li>
          ))}
          <li>{t("arrows")}</li>
        </ul>
      </Card>

      <Card title={t("systemsCard", { count: systems.length })}>
        {systems.length === 0 ? (
          <EmptyState title={t("noSystemsTitle")}>
            {canEdit ? t("noSystemsCanEdit") : t("noSystemsCannotEdit")}
          </EmptyState>
        ) : (
          <Table caption={t("systemsCaption")}>
            <thead>
              <tr>
                <Th>{t("columnSystem")}</Th>
                <Th>{t("columnKind")}</Th>
                <Th>{t("columnInterfaces")}</Th>
                <Th>{t("columnDescription")}</Th>
                {canEdit ? <Th>{t("columnActions")}</Th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {systems.map((s) => (
                <tr key={s.id}>
                  <Td className="font-medium">{s.name}</Td>
                  <Td>{words.kinds[s.kind]}</Td>
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
          <section className="mt-4 rounded-md border border-slate-200 p-3" aria-label={t("addSystem")}>
            <h3 className="text-sm font-semibold text-slate-900">{t("addSystem")}</h3>
            <div className="mt-3">
              <AddSystemForm projectId={project.id} />
            </div>
          </section>
        ) : null}
      </Card>

      <Card title={t("interfacesCard", { count: interfaces.length })}>
        {interfaces.length === 0 ? (
          <EmptyState title={t("noInterfacesTitle")}>
            {systems.length === 0
              ? t("noInterfacesNoSystems")
              : canEdit
                ? t("noInterfacesCanEdit")
                : t("noInterfacesCannotEdit")}
          </EmptyState>
        ) : (
          <div id="interfaces-table">
            <Table caption={t("interfacesCaption")}>
              <thead>
                <tr>
                  <Th>{t("columnSystem")}</Th>
                  <Th>{t("columnInterface")}</Th>
                  <Th>{t("columnDirection")}</Th>
                  <Th>{t("columnProtocol")}</Th>
                  <Th>{t("columnFrequency")}</Th>
                  <Th>{t("columnOwner")}</Th>
                  <Th>{t("columnModule")}</Th>
                  <Th>{t("columnStatus")}</Th>
                  {canEdit ? <Th>{t("columnActions")}</Th> : null}
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
                    <Td>{directionShort[i.direction]}</Td>
                    <Td>{words.protocols[i.protocol]}</Td>
                    <Td>{i.frequency}</Td>
                    <Td>{i.owner || "—"}</Td>
                    <Td>{i.module ?? "—"}</Td>
                    <Td>
                      <StatusBadge status={i.status} label={statusLabel[i.status]} />
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
          <section className="mt-4 rounded-md border border-slate-200 p-3" aria-label={t("addInterface")}>
            <h3 className="text-sm font-semibold text-slate-900">{t("addInterface")}</h3>
            <div className="mt-3">
              <AddInterfaceForm projectId={project.id} systems={systemOptions} />
            </div>
          </section>
        ) : null}
        {interfaces.length > 0 ? (
          <p className="mt-3 text-xs text-slate-600">
            <Badge>{t("rule")}</Badge> {t("interfaceRule")}
          </p>
        ) : null}
      </Card>
    </div>
  );
}
