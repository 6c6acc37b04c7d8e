import { describe, expect, it } from "vitest";
import {
  edgeLabel,
  escapeMermaidLabel,
  integrationDiagram,
  PROTOCOL_LABELS,
  SYSTEM_KIND_LABELS,
  systemStatus,
  type DiagramInterface,
  type DiagramSystem,
} from "./integration-diagram";

const system = (id: string, name: string, kind: DiagramSystem["kind"] = "crm"): DiagramSystem => ({ id, name, kind });
const iface = (id: string, systemId: string, over: Partial<DiagramInterface> = {}): DiagramInterface => ({
  id,
  systemId,
  name: `Interface ${id}`,
  direction: "inbound",
  protocol: "rest",
  frequency: "real time",
  status: "designed",
  ...over,
});

/** The text between the double quotes of every label in the source. */
const labels = (source: string) => [...source.matchAll(/"([^"]*)"/g)].map((m) => m[1]);

describe("escapeMermaidLabel", () => {
  it.each([
    ["Siebel CRM", "Siebel CRM"],
    ["SAP S/4HANA (FI-CA)", "SAP S/4HANA (FI-CA)"],
    ["Zählerdaten München", "Zählerdaten München"],
    ['Say "hi"', "Say #34;hi#34;"],
    ["<img src=x onerror=alert(1)>", "#60;img src#61;x onerror#61;alert(1)#62;"],
    ["a & b", "a #38; b"],
    ["#quot; literal", "#35;quot#59; literal"],
    ["semi;colon", "semi#59;colon"],
    ["back`tick`", "back#96;tick#96;"],
    ["pipe|edge", "pipe#124;edge"],
    ["[brackets]{braces}", "#91;brackets#93;#123;braces#125;"],
    ["style:fill:#f00;", "style#58;fill#58;#35;f00#59;"],
    ["%% comment", "#37;#37; comment"],
    ["line\nbreak\r\nand\ttab", "line break and tab"],
    ["  padded  ", "padded"],
    ["apostrophe's", "apostrophe#39;s"],
    ["emoji 🚀", "emoji #128640;"],
  ])("%j → %j", (input, expected) => {
    expect(escapeMermaidLabel(input)).toBe(expected);
  });

  it("never lets a quote, bracket, pipe, angle bracket, colon or newline through", () => {
    const nasty = `"]];click core call alert(1)\n%%{init: {"securityLevel":"loose"}}%%<script>|x|\`md\``;
    expect(escapeMermaidLabel(nasty)).not.toMatch(/["\]\[<>|:\n{}`%]/);
    // Only entity codes use "#" and ";".
    expect(escapeMermaidLabel(nasty).replace(/#\d+;/g, "")).not.toMatch(/[#;]/);
  });

  it("clips very long names", () => {
    const escaped = escapeMermaidLabel("x".repeat(300));
    expect([...escaped].length).toBe(80);
    expect(escaped.endsWith("…")).toBe(true);
  });
});

describe("integrationDiagram", () => {
  it("draws the platform alone for an empty registry", () => {
    expect(integrationDiagram({ platformName: "Billing platform", systems: [], interfaces: [] })).toBe(
      [
        "flowchart LR",
        '  core[["Billing platform"]]',
        "  classDef platform fill:#eef2ff,stroke:#3730a3,stroke-width:2px,color:#1e1b4b",
        "  classDef unconnected fill:#f9fafb,stroke:#9ca3af,stroke-dasharray:4 3,color:#374151",
        "  classDef designed fill:#f3f4f6,stroke:#6b7280,color:#111827",
        "  classDef developed fill:#eff6ff,stroke:#2563eb,color:#1e3a8a",
        "  classDef tested fill:#fffbeb,stroke:#b45309,color:#78350f",
        "  classDef live fill:#f0fdf4,stroke:#15803d,color:#14532d",
        "  class core platform",
        "",
      ].join("\n"),
    );
  });

  it("puts systems around the platform with one edge per interface, arrows by direction", () => {
    const source = integrationDiagram({
      platformName: "Billing platform",
      systems: [system("b", "SAP ERP", "erp"), system("a", "Salesforce", "crm")],
      interfaces: [
        iface("1", "a", {
          name: "Customer sync",
          direction: "inbound",
          status: "live",
          protocol: "kafka",
          frequency: "real time",
        }),
        iface("2", "b", {
          name: "GL postings",
          direction: "outbound",
          status: "tested",
          protocol: "sftp",
          frequency: "daily 02:00",
        }),
        iface("3", "a", { name: "Case updates", direction: "bidirectional", status: "designed", protocol: "rest" }),
      ],
    });
    const lines = source.split("\n");
    // Systems sorted by name get generated ids s0, s1: never user text.
    expect(lines).toContain('  s0["Salesforce · CRM"]');
    expect(lines).toContain('  s1["SAP ERP · ERP"]');
    expect(lines).toContain('  s0 <-.->|"Case updates · REST · real time"| core');
    expect(lines).toContain('  s0 -->|"Customer sync · Kafka · real time"| core');
    expect(lines).toContain('  core -->|"GL postings · SFTP · daily 02#58;00"| s1');
    // Edges are styled by status in the order they were drawn.
    expect(lines).toContain("  linkStyle 0 stroke:#6b7280,stroke-width:1.5px,stroke-dasharray:5 4");
    expect(lines).toContain("  linkStyle 1 stroke:#15803d,stroke-width:3px");
    expect(lines).toContain("  linkStyle 2 stroke:#b45309,stroke-width:2px");
    // A system is as far as its least advanced interface.
    expect(lines).toContain("  class s0 designed");
    expect(lines).toContain("  class s1 tested");
  });

  it("marks systems without interfaces as unconnected and ignores orphan interfaces", () => {
    const source = integrationDiagram({
      platformName: "P",
      systems: [system("a", "Portal", "portal")],
      interfaces: [iface("9", "missing-system")],
    });
    expect(source).toContain("  class s0 unconnected");
    expect(source).not.toContain("-->");
    expect(source).not.toContain("linkStyle");
  });

  it("escapes every user-supplied name: system, interface, frequency and platform", () => {
    const evil = "<img src=x onerror=alert(1)>";
    const source = integrationDiagram({
      platformName: `Platform "]] --> x`,
      systems: [system("a", evil), system("b", 'x"]:::live\nclick s0 href "javascript:alert(1)"')],
      interfaces: [iface("1", "a", { name: evil, frequency: "%%{init:{}}%%" })],
    });
    expect(source).not.toContain("<img");
    // Angle brackets only appear in generated arrows, never in labels.
    expect(source.replace(/"[^"]*"/g, "")).not.toMatch(/<(?!-)|(?<!-)>/);
    expect(source).not.toMatch(/^\s*click/m);
    expect(source).not.toContain("javascript:");
    expect(source).not.toContain("%%");
    // Every quoted label is free of the characters the parser reacts to.
    for (const label of labels(source)) expect(label).not.toMatch(/[<>"|[\]{}:`%\n]/);
    expect(source).toContain("#60;img src#61;x onerror#61;alert(1)#62; · CRM");
    // Ids stay generated whatever the names are.
    expect(source.split("\n").filter((l) => /^\s{2}s\d+\[/.test(l))).toHaveLength(2);
  });

  it("is deterministic and independent of input order", () => {
    const systems = [system("a", "A"), system("b", "B")];
    const interfaces = [iface("1", "a"), iface("2", "b"), iface("3", "a", { name: "Another" })];
    const one = integrationDiagram({ platformName: "P", systems, interfaces });
    const two = integrationDiagram({
      platformName: "P",
      systems: [...systems].reverse(),
      interfaces: [...interfaces].reverse(),
    });
    expect(one).toBe(two);
  });

  it("draws kinds and protocols in the words it is given, English by default", () => {
    const systems = [system("a", "Portal", "portal")];
    const interfaces = [iface("1", "a", { name: "Reads", protocol: "file", frequency: "" })];
    expect(labels(integrationDiagram({ platformName: "P", systems, interfaces }))).toEqual([
      "P",
      "Portal · Web portal",
      "Reads · File",
    ]);
    const words = {
      kinds: { ...SYSTEM_KIND_LABELS, portal: "Portal internetowy" },
      protocols: { ...PROTOCOL_LABELS, file: "Plik" },
    };
    expect(labels(integrationDiagram({ platformName: "Platforma", systems, interfaces, words }))).toEqual([
      "Platforma",
      "Portal · Portal internetowy",
      "Reads · Plik",
    ]);
  });

  it("labels an edge with name, protocol and frequency, skipping blanks", () => {
    expect(edgeLabel(iface("1", "a", { name: "Reads", protocol: "sftp", frequency: "" }))).toBe("Reads · SFTP");
  });

  it.each([
    [[], "unconnected"],
    [["live", "live"], "live"],
    [["live", "designed", "tested"], "designed"],
    [["tested", "developed"], "developed"],
  ] as const)("system status of %j is %s", (statuses, expected) => {
    expect(systemStatus(statuses.map((status, n) => iface(String(n), "a", { status })))).toBe(expected);
  });
});
