// The integration registry over HTTP: each answer held to its declared schema and to the document.
import { beforeEach, describe, expect, it } from "vitest";
import * as freezeRoute from "@/app/api/v1/projects/[projectId]/integration-diagram/freeze/route";
import * as diagramRoute from "@/app/api/v1/projects/[projectId]/integration-diagram/route";
import * as statusRoute from "@/app/api/v1/projects/[projectId]/interfaces/[interfaceId]/status/route";
import * as exportRoute from "@/app/api/v1/projects/[projectId]/interfaces/export/route";
import * as interfacesRoute from "@/app/api/v1/projects/[projectId]/interfaces/route";
import * as systemsRoute from "@/app/api/v1/projects/[projectId]/systems/route";
import {
  changeInterfaceStatusOp,
  createInterfaceOp,
  createSystemOp,
  exportInterfacesOp,
  freezeIntegrationDiagramOp,
  getIntegrationDiagramOp,
  listInterfacesOp,
  listSystemsOp,
} from "@/lib/contract/integration";
import type { Operation } from "@/lib/contract/operation";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";

type Page = { items: { id: string; name: string }[]; nextCursor: string | null };

let { world, api } = {} as ApiWorld;

beforeEach(async () => ({ world, api } = await apiWorld()));

async function addSystem(name: string): Promise<string> {
  const created = await api.call(systemsRoute.POST, createSystemOp, {
    as: world.integrator,
    params: { projectId: world.project.id },
    body: { name, kind: "crm" },
  });
  expect(created.status).toBe(201);
  return (created.body as { id: string }).id;
}

async function addInterface(systemId: string, name: string) {
  const created = await api.call(interfacesRoute.POST, createInterfaceOp, {
    as: world.pm,
    params: { projectId: world.project.id },
    body: { systemId, name, direction: "inbound", protocol: "kafka", frequency: "real time", module: "" },
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; status: string; module: string | null; version: number };
}

/** Every name of a list, read page by page with `limit`. */
async function allPages(handler: typeof systemsRoute.GET, op: Operation, limit: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const answer = await api.call(handler, op, {
      as: world.viewer,
      params: { projectId: world.project.id },
      query: cursor ? { limit, cursor } : { limit },
    });
    const page = answer.body as Page;
    pages.push(page.items.map((item) => item.name));
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe("the integration registry over HTTP", () => {
  it("registers systems and interfaces, lists them page by page, and moves an interface along", async () => {
    const projectId = world.project.id;
    const crm = await addSystem("Salesforce");
    await addSystem("Tariff engine");
    await addSystem("Meter data hub");
    expect(await allPages(systemsRoute.GET, listSystemsOp, 2)).toEqual([
      ["Meter data hub", "Salesforce"],
      ["Tariff engine"],
    ]);

    const sync = await addInterface(crm, "Customer sync");
    await addInterface(crm, "Billing export");
    await addInterface(crm, "Address lookup");
    expect(sync).toMatchObject({ status: "designed", module: null, version: 1 });
    expect(await allPages(interfacesRoute.GET, listInterfacesOp, 2)).toEqual([
      ["Address lookup", "Billing export"],
      ["Customer sync"],
    ]);

    const moved = await api.call(statusRoute.POST, changeInterfaceStatusOp, {
      as: world.integrator,
      params: { projectId, interfaceId: sync.id },
      body: { to: "developed", expectedVersion: sync.version },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: sync.id, status: "developed", version: 2 });
    const backWithoutReason = await api.call(statusRoute.POST, changeInterfaceStatusOp, {
      as: world.integrator,
      params: { projectId, interfaceId: sync.id },
      body: { to: "designed" },
    });
    expect(backWithoutReason.status).toBe(422);
    expect(backWithoutReason.body).toMatchObject({ errors: { reason: expect.any(Array) } });
  });

  it("draws the diagram, exports the interfaces and freezes the diagram into its gate artifact", async () => {
    const projectId = world.project.id;
    const crm = await addSystem("Salesforce");
    await addInterface(crm, "Customer sync");
    const diagram = await api.call(diagramRoute.GET, getIntegrationDiagramOp, {
      as: world.viewer,
      params: { projectId },
    });
    expect(diagram.body).toMatchObject({ systems: 1, interfaces: 1, mermaid: expect.stringContaining("Salesforce") });

    const markdown = await api.call(exportRoute.GET, exportInterfacesOp, { as: world.viewer, params: { projectId } });
    expect(markdown.status).toBe(200);
    expect(markdown.response.headers.get("content-type")).toContain("text/markdown");
    expect(markdown.body).toContain("Customer sync");
    const csv = await api.call(exportRoute.GET, exportInterfacesOp, {
      as: world.viewer,
      params: { projectId },
      query: { format: "csv" },
    });
    expect(csv.response.headers.get("content-type")).toContain("text/csv");
    expect(csv.response.headers.get("content-disposition")).toMatch(/^attachment; filename="interfaces-.*\.csv"$/);
    const unknown = await api.call(exportRoute.GET, exportInterfacesOp, {
      as: world.viewer,
      params: { projectId },
      query: { format: "pdf" },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ errors: { format: ["Use format=markdown or format=csv."] } });

    const frozen = await api.call(freezeRoute.POST, freezeIntegrationDiagramOp, {
      as: world.pm,
      params: { projectId },
    });
    expect(frozen.status).toBe(201);
    expect(frozen.body).toMatchObject({ gateNumber: 6, versionNumber: 1 });
  });

  it("names each invalid field, refuses a bad cursor and registers nothing", async () => {
    const projectId = world.project.id;
    const refused = await api.call(systemsRoute.POST, createSystemOp, {
      as: world.pm,
      params: { projectId },
      body: { name: "", kind: "mainframe", description: "x".repeat(2001) },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: "invalid_input",
      errors: { name: ["Name is required."], kind: ["Choose the kind of system."], description: expect.any(Array) },
    });
    const badInterface = await api.call(interfacesRoute.POST, createInterfaceOp, {
      as: world.pm,
      params: { projectId },
      body: { systemId: "nope", name: "Sync", direction: "sideways", protocol: "rest", frequency: "daily" },
    });
    expect(badInterface.body).toMatchObject({ errors: { systemId: expect.any(Array), direction: expect.any(Array) } });
    for (const [handler, op] of [
      [systemsRoute.GET, listSystemsOp],
      [interfacesRoute.GET, listInterfacesOp],
    ] as const) {
      const bad = await api.call(handler, op, { as: world.pm, params: { projectId }, query: { cursor: "WyJ4Il0" } });
      expect(bad.status).toBe(422);
      expect(bad.body).toMatchObject({ code: "invalid_cursor", errors: { cursor: expect.any(Array) } });
    }
    const list = await api.call(systemsRoute.GET, listSystemsOp, { as: world.pm, params: { projectId } });
    expect(list.body).toEqual({ items: [], nextCursor: null });
  });

  it("another account cannot see or change the registry", async () => {
    const projectId = world.project.id;
    const crm = await addSystem("Salesforce");
    const sync = await addInterface(crm, "Customer sync");
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      const params = { projectId };
      expect((await api.call(systemsRoute.GET, listSystemsOp, { as: stranger, params })).status).toBe(404);
      expect((await api.call(interfacesRoute.GET, listInterfacesOp, { as: stranger, params })).status).toBe(404);
      expect((await api.call(diagramRoute.GET, getIntegrationDiagramOp, { as: stranger, params })).status).toBe(404);
      expect((await api.call(exportRoute.GET, exportInterfacesOp, { as: stranger, params })).status).toBe(404);
    }
    const byViewer = await api.call(statusRoute.POST, changeInterfaceStatusOp, {
      as: world.viewer,
      params: { projectId, interfaceId: sync.id },
      body: { to: "developed" },
    });
    expect(byViewer.status).toBe(403);
    const byEngineer = await api.call(systemsRoute.POST, createSystemOp, {
      as: world.engineer,
      params: { projectId },
      body: { name: "ERP", kind: "erp" },
    });
    expect(byEngineer.status).toBe(403);
    const byIntegrator = await api.call(freezeRoute.POST, freezeIntegrationDiagramOp, {
      as: world.integrator,
      params: { projectId },
    });
    expect(byIntegrator.status).toBe(403);
    const list = await api.call(interfacesRoute.GET, listInterfacesOp, { as: world.pm, params: { projectId } });
    expect(list.body).toMatchObject({ items: [{ id: sync.id, status: "designed", version: 1 }] });
  });
});
