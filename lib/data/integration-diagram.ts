// The integration concept diagram drawn from the registry, its exports, and freezing it as a
// version of the gate-6 "Integration concept diagram" artifact.
import { and, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { type Db, type DbOrTx, first } from "@/db/client";
import { artifacts, gates } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess } from "@/lib/data/access";
import { addArtifactVersion } from "@/lib/data/artifacts";
import { listInterfaces, listSystems, type ExternalSystem, type Interface } from "@/lib/data/integration";
import { addVersion } from "@/lib/domain/artifact";
import { integrationDiagram } from "@/lib/domain/integration-diagram";
import { interfacesCsv, interfacesMarkdown, markdownText } from "@/lib/domain/interface-export";
import type { Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale";
import { loadMessages } from "@/messages/catalogue";

export const DIAGRAM_ARTIFACT_TYPE = "integration_concept_diagram";
export const DIAGRAM_GATE = 6;
const PLATFORM_NAME = "Billing platform";

export function diagramSource(systems: ExternalSystem[], interfaces: Interface[]): string {
  return integrationDiagram({ platformName: PLATFORM_NAME, systems, interfaces });
}

export async function getIntegrationDiagram(db: DbOrTx, actor: Actor, projectId: string) {
  const { project } = await loadProjectAccess(db, actor, projectId);
  const systems = await listSystems(db, projectId);
  const interfaces = await listInterfaces(db, projectId);
  return { project, systems, interfaces, mermaid: diagramSource(systems, interfaces) };
}

/** The CSV header row in the reader's language. */
async function interfacesCsvHeader(locale: Locale): Promise<string[]> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "interfacesCsv" });
  return [
    t("system"),
    t("systemKind"),
    t("interface"),
    t("direction"),
    t("protocol"),
    t("frequency"),
    t("owner"),
    t("status"),
    t("module"),
    t("description"),
  ];
}

export type InterfaceExport = { fileName: string; contentType: string; body: string };

export async function exportInterfaces(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  format: "markdown" | "csv",
  now = new Date(),
  locale: Locale = "en",
): Promise<InterfaceExport> {
  const { project, systems, interfaces } = await getIntegrationDiagram(db, actor, projectId);
  const slug =
    project.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "project";
  const date = now.toISOString().slice(0, 10);
  if (format === "csv") {
    return {
      fileName: `interfaces-${slug}-${date}.csv`,
      contentType: "text/csv; charset=utf-8",
      // A BOM so spreadsheet programs read the UTF-8 names correctly.
      body: `\uFEFF${interfacesCsv(systems, interfaces, await interfacesCsvHeader(locale))}`,
    };
  }
  return {
    fileName: `interfaces-${slug}-${date}.md`,
    contentType: "text/markdown; charset=utf-8",
    body: interfacesMarkdown(project.name, systems, interfaces, date),
  };
}

/** The frozen text: the mermaid source in a fenced block, so the version can be redrawn as it was. */
export function frozenDiagramMarkdown(
  projectName: string,
  source: string,
  counts: { systems: number; interfaces: number },
  at: string,
  by: string,
) {
  return [
    `# Integration concept diagram — ${markdownText(projectName)}`,
    "",
    `Frozen from the integration registry on ${at} by ${markdownText(by)}: ${counts.systems} ` +
      `systems, ${counts.interfaces} interfaces.`,
    "",
    "```mermaid",
    source.trimEnd(),
    "```",
    "",
  ].join("\n");
}

/**
 * Adds the current diagram as a new markdown version of the gate-6 artifact through the
 * artifacts data layer (lib/data/artifacts addArtifactVersion): artifact.submit permission,
 * number + 1, status submitted, earlier reviews dismissed, refused once the gate is decided,
 * audited, the board notified. The text is the registry as read at the moment of the freeze.
 */
export async function freezeIntegrationDiagram(db: Db, ctx: RequestContext, projectId: string) {
  const { project } = await loadProjectAccess(db, ctx.actor, projectId);
  const gate = await first(
    db
      .select()
      .from(gates)
      .where(and(eq(gates.projectId, projectId), eq(gates.number, DIAGRAM_GATE))),
  );
  const artifact = gate
    ? await first(
        db
          .select()
          .from(artifacts)
          .where(
            and(
              eq(artifacts.gateId, gate.id),
              eq(artifacts.projectId, projectId),
              eq(artifacts.type, DIAGRAM_ARTIFACT_TYPE),
            ),
          ),
      )
    : undefined;
  if (!gate || !artifact) {
    throw new AppError(
      "rule_refused",
      "This project's gate policy has no “Integration concept diagram” artifact at gate 6 to freeze the diagram into.",
      "no_diagram_artifact",
      undefined,
      { problem: "noDiagramArtifact" },
    );
  }
  const systems = await listSystems(db, projectId);
  const interfaces = await listInterfaces(db, projectId);
  const markdown = frozenDiagramMarkdown(
    project.name,
    diagramSource(systems, interfaces),
    { systems: systems.length, interfaces: interfaces.length },
    new Date().toISOString(),
    ctx.actor.name,
  );
  const { version } = await addArtifactVersion(db, ctx, {
    projectId,
    artifactId: artifact.id,
    source: { kind: "markdown", markdown },
    note: "Frozen from the integration registry",
  });
  return { artifactId: artifact.id, gateNumber: DIAGRAM_GATE, versionNumber: version.number, versionId: version.id };
}

/** Whether freezing would be accepted now, asked of the same artifact rule (for showing the button). */
export async function diagramFreezeRefusal(db: DbOrTx, projectId: string): Promise<string | null> {
  const gate = await first(
    db
      .select()
      .from(gates)
      .where(and(eq(gates.projectId, projectId), eq(gates.number, DIAGRAM_GATE))),
  );
  const artifact = gate
    ? await first(
        db
          .select()
          .from(artifacts)
          .where(
            and(
              eq(artifacts.gateId, gate.id),
              eq(artifacts.projectId, projectId),
              eq(artifacts.type, DIAGRAM_ARTIFACT_TYPE),
            ),
          ),
      )
    : undefined;
  if (!gate || !artifact) return "This project's gate policy has no “Integration concept diagram” artifact at gate 6.";
  const outcome = addVersion({ artifact, gateStatus: gate.status, kind: "markdown" });
  return outcome.ok ? null : outcome.refusal.message;
}
