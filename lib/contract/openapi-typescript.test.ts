// The document is usable by standard tooling: openapi-typescript turns it into TypeScript types,
// and a small client written against those types type-checks — and stops type-checking when the
// client uses a field the document does not have.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "lightgate-openapi-ts-"));
  const nodes = await openapiTS(structuredClone(openApiDocument()) as never);
  writeFileSync(path.join(dir, "api.d.ts"), astToString(nodes));
}, 60_000);

/** Type errors of a client module next to the generated types, in strict mode. */
function typeErrors(client: string): string[] {
  const file = path.join(dir, `client-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, client);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

const client = (use: string) => `
import type { paths } from "./api";

type Sprints = paths["/api/v1/projects/{projectId}/sprints"];
type SprintPage = Sprints["get"]["responses"][200]["content"]["application/json"];
type PlanInput = NonNullable<Sprints["post"]["requestBody"]>["content"]["application/json"];
type Query = NonNullable<Sprints["get"]["parameters"]["query"]>;

export async function sprintGoals(base: string, token: string, projectId: string, query: Query): Promise<string[]> {
  const url = new URL(\`/api/v1/projects/\${projectId}/sprints\`, base);
  if (query.limit !== undefined) url.searchParams.set("limit", String(query.limit));
  if (query.cursor) url.searchParams.set("cursor", query.cursor);
  const response = await fetch(url, { headers: { authorization: \`Bearer \${token}\` } });
  const page = (await response.json()) as SprintPage;
  const next: string | null = page.nextCursor;
  void next;
  return page.items.map((sprint) => ${use});
}

export const plan: PlanInput = { goal: "Tariffs", startDate: "2026-03-01", endDate: "2026-03-14", capacityDays: 10 };
`;

describe("openapi-typescript on the generated document", () => {
  it("gives types that a small client type-checks against", () => {
    expect(typeErrors(client("`${sprint.number}: ${sprint.goal} (${sprint.status})`"))).toEqual([]);
  });

  it("refuses a client that reads a field the document does not declare", () => {
    expect(typeErrors(client("sprint.title")).join("\n")).toMatch(/title/);
  });
});
