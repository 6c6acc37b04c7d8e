import { describe, expect, it } from "vitest";
import { csvCell, interfacesCsv, interfacesMarkdown, markdownText, type ExportInterface } from "./interface-export";

const systems = [
  { id: "s1", name: "Salesforce", kind: "crm" as const },
  { id: "s2", name: '=HYPERLINK("http://evil")', kind: "other" as const },
];
const iface = (over: Partial<ExportInterface>): ExportInterface => ({
  id: "i",
  systemId: "s1",
  name: "Customer sync",
  direction: "inbound",
  protocol: "kafka",
  frequency: "real time",
  status: "live",
  owner: "Integration team",
  module: "Customer care",
  description: "Pushes customer master data.",
  ...over,
});

describe("csvCell", () => {
  it.each([
    ["plain", '"plain"'],
    ['say "hi"', '"say ""hi"""'],
    ["=1+1", `"'=1+1"`],
    ["+49 30", `"'+49 30"`],
    ["-5", `"'-5"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tTab", `"'\tTab"`],
    ["a,b\nc", '"a,b\nc"'],
    [null, '""'],
  ])("%j → %s", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("interfacesCsv", () => {
  it("writes a header and one row per interface, sorted by system and name, injection-safe", () => {
    const csv = interfacesCsv(systems, [
      iface({ id: "2", systemId: "s2", name: "-cmd", owner: "@me" }),
      iface({ id: "1", name: "Customer sync" }),
      iface({ id: "3", systemId: "missing" }),
    ]);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '"System","System kind","Interface","Direction","Protocol","Frequency","Owner","Status","Module","Description"',
    );
    expect(lines[2]).toBe(
      '"Salesforce","CRM","Customer sync","inbound","Kafka","real time","Integration team","live","Customer ' +
        'care","Pushes customer master data."',
    );
    // "=" sorts before letters, so the defused system comes first.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain(`"'-cmd"`);
    expect(lines[1]).toContain(`"'@me"`);
  });
});

describe("interfacesMarkdown", () => {
  it("lists interfaces in a table and describes each, escaping user text", () => {
    const md = interfacesMarkdown(
      "Nordlicht <MVP>",
      systems,
      [iface({ description: "# not a heading <script>" })],
      "2026-11-22",
    );
    expect(md).toContain("# Interface descriptions — Nordlicht \\<MVP\\>");
    expect(md).toContain("| Salesforce | Customer sync | inbound | Kafka | real time | Integration team | Live |");
    expect(md).toContain("## Salesforce: Customer sync");
    expect(md).toContain("\\# not a heading \\<script\\>");
    expect(md).not.toContain("<script>");
  });

  it("says when there is nothing yet", () => {
    expect(interfacesMarkdown("P", [], [], "2026-11-22")).toContain("No interfaces registered yet");
  });

  it("keeps a pipe in a name from breaking the table", () => {
    expect(markdownText("a|b")).toBe("a\\|b");
  });
});
