// Interface descriptions exported as markdown and CSV (gate 5 "Interface descriptions").
// CSV cells are quoted and defused against spreadsheet formula injection: a cell that starts
// with = + - @, a tab or a carriage return is prefixed with an apostrophe.
import { INTERFACE_STATUS_LABELS } from "./interface";
import { PROTOCOL_LABELS, SYSTEM_KIND_LABELS, type DiagramInterface, type DiagramSystem } from "./integration-diagram";

export type ExportInterface = DiagramInterface & { owner: string; module: string | null; description: string };

const DIRECTION_LABELS: Record<DiagramInterface["direction"], string> = {
  inbound: "Inbound (into the platform)",
  outbound: "Outbound (from the platform)",
  bidirectional: "Bidirectional",
};

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function rows(systems: DiagramSystem[], interfaces: ExportInterface[]) {
  const systemById = new Map(systems.map((s) => [s.id, s]));
  return interfaces
    .filter((i) => systemById.has(i.systemId))
    .map((i) => ({ i, system: systemById.get(i.systemId)! }))
    .sort((a, b) => a.system.name.localeCompare(b.system.name, "en") || a.i.name.localeCompare(b.i.name, "en"));
}

export const CSV_HEADER = [
  "System",
  "System kind",
  "Interface",
  "Direction",
  "Protocol",
  "Frequency",
  "Owner",
  "Status",
  "Module",
  "Description",
];

/** `header`: the header row in the reader's language (the columns and their order never change). */
export function interfacesCsv(
  systems: DiagramSystem[],
  interfaces: ExportInterface[],
  header: readonly string[] = CSV_HEADER,
): string {
  const lines = [header.map(csvCell).join(",")];
  for (const { i, system } of rows(systems, interfaces)) {
    lines.push(
      [
        system.name,
        SYSTEM_KIND_LABELS[system.kind],
        i.name,
        i.direction,
        PROTOCOL_LABELS[i.protocol],
        i.frequency,
        i.owner,
        i.status,
        i.module ?? "",
        i.description,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  // CRLF per RFC 4180, so spreadsheets split rows the same everywhere.
  return `${lines.join("\r\n")}\r\n`;
}

/** Markdown text is escaped so user input cannot add headings, links, HTML or break tables. */
export function markdownText(value: string): string {
  return value.replace(/\r?\n/g, " ").replace(/([\\`*_{}[\]()<>#+!|~&])/g, "\\$1");
}

export function interfacesMarkdown(
  projectName: string,
  systems: DiagramSystem[],
  interfaces: ExportInterface[],
  generatedAt: string,
): string {
  const out = [
    `# Interface descriptions — ${markdownText(projectName)}`,
    "",
    `Generated from the integration registry on ${generatedAt}.`,
    "",
  ];
  const list = rows(systems, interfaces);
  out.push(
    "| System | Interface | Direction | Protocol | Frequency | Owner | Status |",
    "|---|---|---|---|---|---|---|",
  );
  for (const { i, system } of list) {
    out.push(
      `| ${markdownText(system.name)} | ${markdownText(i.name)} | ${i.direction} ` +
        `| ${PROTOCOL_LABELS[i.protocol]} | ${markdownText(i.frequency)} | ${markdownText(i.owner) || "—"} ` +
        `| ${INTERFACE_STATUS_LABELS[i.status]} |`,
    );
  }
  if (!list.length) out.push("| — | No interfaces registered yet | | | | | |");
  for (const { i, system } of list) {
    out.push(
      "",
      `## ${markdownText(system.name)}: ${markdownText(i.name)}`,
      "",
      `- System: ${markdownText(system.name)} (${SYSTEM_KIND_LABELS[system.kind]})`,
      `- Direction: ${DIRECTION_LABELS[i.direction]}`,
      `- Protocol: ${PROTOCOL_LABELS[i.protocol]}`,
      `- Frequency: ${markdownText(i.frequency)}`,
      `- Owner: ${markdownText(i.owner) || "not named yet"}`,
      `- Status: ${INTERFACE_STATUS_LABELS[i.status]}`,
      `- Module: ${i.module ? markdownText(i.module) : "—"}`,
      "",
      i.description.trim() ? markdownText(i.description.trim()) : "_No description yet._",
    );
  }
  return `${out.join("\n")}\n`;
}
