// The integration concept diagram, generated from the registry (never typed by hand): mermaid
// `flowchart LR` with the billing platform in the middle, one node per external system, one edge
// per interface labelled name · protocol · frequency and styled by status.
//
// Safety: node ids are generated (core, s0, s1…), never user text. Every user-supplied string
// goes inside a double-quoted label with everything outside a small safe alphabet replaced by a
// mermaid entity code (#60; for "<"), which mermaid turns into an SVG text entity, so
// `<img src=x onerror=alert(1)>` is drawn as text. Colons, semicolons, "#", quotes, brackets,
// pipes, backticks, "%" and line breaks never reach the parser raw.
import type { INTERFACE_STATUSES, PROTOCOLS, SYSTEM_KINDS } from "@/db/enums";

type Status = (typeof INTERFACE_STATUSES)[number];
type Kind = (typeof SYSTEM_KINDS)[number];
type Protocol = (typeof PROTOCOLS)[number];

export type DiagramSystem = { id: string; name: string; kind: Kind };
export type DiagramInterface = {
  id: string;
  systemId: string;
  name: string;
  direction: "inbound" | "outbound" | "bidirectional";
  protocol: Protocol;
  frequency: string;
  status: Status;
};
/** The words drawn beside user data: English unless the page passes the reader's. */
export type DiagramWords = { kinds: Record<Kind, string>; protocols: Record<Protocol, string> };
export type DiagramInput = {
  platformName: string;
  systems: DiagramSystem[];
  interfaces: DiagramInterface[];
  words?: DiagramWords;
};

export const SYSTEM_KIND_LABELS: Record<Kind, string> = {
  crm: "CRM",
  erp: "ERP",
  portal: "Web portal",
  mobile: "Mobile app",
  payment: "Payment gateway",
  meter_data: "Meter data",
  mediation: "Mediation",
  other: "Other",
};

export const PROTOCOL_LABELS: Record<Protocol, string> = {
  rest: "REST",
  kafka: "Kafka",
  sftp: "SFTP",
  file: "File",
  soap: "SOAP",
  other: "Other",
};

/** Edge colours per status; designed interfaces are also dashed. Chosen for contrast on white. */
export const STATUS_STYLES: Record<Status, { stroke: string; width: number; dashed: boolean }> = {
  designed: { stroke: "#6b7280", width: 1.5, dashed: true },
  developed: { stroke: "#2563eb", width: 2, dashed: false },
  tested: { stroke: "#b45309", width: 2, dashed: false },
  live: { stroke: "#15803d", width: 3, dashed: false },
};

const MAX_LABEL = 80;

/**
 * A mermaid-safe label body (to be wrapped in double quotes). Letters and digits of any script,
 * spaces and `. , - _ / + @ ( ) ? !` pass through; every other character becomes `#<code>;`.
 */
export function escapeMermaidLabel(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const clipped = [...flat].length > MAX_LABEL ? `${[...flat].slice(0, MAX_LABEL - 1).join("")}…` : flat;
  let out = "";
  for (const char of clipped) {
    if (/^[\p{L}\p{N} .,\-_/+@()?!…·]$/u.test(char)) out += char;
    else out += `#${char.codePointAt(0)};`;
  }
  return out;
}

const quoted = (text: string) => `"${escapeMermaidLabel(text)}"`;

const STATUS_ORDER: Status[] = ["designed", "developed", "tested", "live"];

/** A system is as far as its least advanced interface; systems without interfaces are "unconnected". */
export function systemStatus(interfaces: DiagramInterface[]): Status | "unconnected" {
  if (!interfaces.length) return "unconnected";
  return STATUS_ORDER[Math.min(...interfaces.map((i) => STATUS_ORDER.indexOf(i.status)))];
}

function edgeArrow(direction: DiagramInterface["direction"], dashed: boolean): string {
  if (direction === "bidirectional") return dashed ? "<-.->" : "<-->";
  return dashed ? "-.->" : "-->";
}

export function edgeLabel(i: DiagramInterface, protocols: Record<Protocol, string> = PROTOCOL_LABELS): string {
  return [i.name, protocols[i.protocol], i.frequency]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(" · ");
}

const byName = <T extends { name: string; id: string }>(a: T, b: T) =>
  a.name.localeCompare(b.name, "en") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The mermaid source for the registry. Deterministic: same registry, same text. */
export function integrationDiagram(input: DiagramInput): string {
  const systems = [...input.systems].sort(byName);
  const words = input.words ?? { kinds: SYSTEM_KIND_LABELS, protocols: PROTOCOL_LABELS };
  const nodeId = new Map(systems.map((s, index) => [s.id, `s${index}`]));
  const lines = ["flowchart LR", `  core[[${quoted(input.platformName || "Billing platform")}]]`];
  const interfacesOf = new Map<string, DiagramInterface[]>();
  for (const i of input.interfaces) {
    if (!nodeId.has(i.systemId)) continue; // an interface always belongs to a listed system
    interfacesOf.set(i.systemId, [...(interfacesOf.get(i.systemId) ?? []), i]);
  }
  for (const s of systems) {
    lines.push(`  ${nodeId.get(s.id)}[${quoted(`${s.name} · ${words.kinds[s.kind]}`)}]`);
  }
  const linkStyles: string[] = [];
  let edge = 0;
  for (const s of systems) {
    const id = nodeId.get(s.id)!;
    for (const i of [...(interfacesOf.get(s.id) ?? [])].sort(byName)) {
      const style = STATUS_STYLES[i.status];
      const arrow = edgeArrow(i.direction, style.dashed);
      // Inbound data flows from the system into the platform; outbound the other way.
      const [from, to] = i.direction === "outbound" ? ["core", id] : [id, "core"];
      lines.push(`  ${from} ${arrow}|${quoted(edgeLabel(i, words.protocols))}| ${to}`);
      linkStyles.push(
        `  linkStyle ${edge} ` +
          `stroke:${style.stroke},stroke-width:${style.width}px${style.dashed ? ",stroke-dasharray:5 4" : ""}`,
      );
      edge += 1;
    }
  }
  lines.push(...linkStyles);
  lines.push(
    "  classDef platform fill:#eef2ff,stroke:#3730a3,stroke-width:2px,color:#1e1b4b",
    "  classDef unconnected fill:#f9fafb,stroke:#9ca3af,stroke-dasharray:4 3,color:#374151",
    "  classDef designed fill:#f3f4f6,stroke:#6b7280,color:#111827",
    "  classDef developed fill:#eff6ff,stroke:#2563eb,color:#1e3a8a",
    "  classDef tested fill:#fffbeb,stroke:#b45309,color:#78350f",
    "  classDef live fill:#f0fdf4,stroke:#15803d,color:#14532d",
    "  class core platform",
  );
  const byStatus = new Map<string, string[]>();
  for (const s of systems) {
    const status = systemStatus(interfacesOf.get(s.id) ?? []);
    byStatus.set(status, [...(byStatus.get(status) ?? []), nodeId.get(s.id)!]);
  }
  for (const [status, ids] of byStatus) lines.push(`  class ${ids.join(",")} ${status}`);
  return `${lines.join("\n")}\n`;
}
