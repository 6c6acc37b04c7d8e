import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, first as firstRow } from "@/db/client";
import { artifactReviews, artifacts, artifactVersions, auditEvents, gates, projectMembers } from "@/db/schema";
import {
  changeInterfaceStatus,
  createInterface,
  createSystem,
  deleteInterface,
  deleteSystem,
  getIntegrationRegistry,
  updateInterface,
  updateSystem,
} from "@/lib/data/integration";
import {
  diagramFreezeRefusal,
  exportInterfaces,
  freezeIntegrationDiagram,
  getIntegrationDiagram,
} from "@/lib/data/integration-diagram";
import { ctxFor, createTestDb, makeProject, makeUser, makeWorld } from "@/lib/testing/fixtures";

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeEach(async () => {
  db = await createTestDb();
  world = await makeWorld(db);
});

const pid = () => world.project.id;
const addSystem = async (name = "Salesforce", actor = world.pm) =>
  await createSystem(db, ctxFor(actor), pid(), { name, kind: "crm", description: "" });
const addInterface = async (systemId: string, name = "Customer sync", actor = world.pm) =>
  await createInterface(db, ctxFor(actor), pid(), {
    systemId,
    name,
    direction: "inbound",
    protocol: "kafka",
    frequency: "real time",
    owner: "Integration team",
    module: "Customer care",
    description: "",
  });

const codeOf = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (error) {
    return (error as { reason?: string; code?: string }).reason ?? (error as { code?: string }).code;
  }
  return "no error";
};

describe("systems and interfaces", () => {
  it("lets the PM and the project's integrator register systems and interfaces, audited", async () => {
    const crm = await addSystem("Salesforce", world.pm);
    const erp = await addSystem("SAP ERP", world.integrator);
    const sync = await addInterface(crm.id, "Customer sync", world.integrator);
    expect(sync.status).toBe("designed");
    const registry = await getIntegrationRegistry(db, world.viewer, pid());
    expect(registry.systems.map((s) => s.name)).toEqual(["SAP ERP", "Salesforce"]);
    expect(registry.interfaces).toHaveLength(1);
    expect(registry.canEdit).toBe(false);
    expect((await getIntegrationRegistry(db, world.integrator, pid())).canEdit).toBe(true);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.projectId, pid()))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["system.create", "interface.create"]));
    expect(erp.version).toBe(1);
  });

  it("refuses duplicate system names (any case) with a field error", async () => {
    await addSystem("Salesforce");
    expect(await codeOf(async () => await addSystem("SALESFORCE"))).toBe("duplicate_name");
  });

  it("moves interface status one step forward, back only with a reason", async () => {
    const sync = await addInterface((await addSystem()).id);
    const ctx = ctxFor(world.integrator);
    expect(
      await codeOf(
        async () => await changeInterfaceStatus(db, ctx, pid(), { interfaceId: sync.id, to: "tested", reason: "" }),
      ),
    ).toBe("interface_skips_a_step");
    const developed = await changeInterfaceStatus(db, ctx, pid(), {
      interfaceId: sync.id,
      to: "developed",
      reason: "",
    });
    expect(developed).toMatchObject({ status: "developed", version: 2 });
    expect(
      await codeOf(
        async () => await changeInterfaceStatus(db, ctx, pid(), { interfaceId: sync.id, to: "designed", reason: "" }),
      ),
    ).toBe("interface_reason_required");
    const back = await changeInterfaceStatus(db, ctx, pid(), {
      interfaceId: sync.id,
      to: "designed",
      reason: "Mapping defect",
    });
    expect(back.status).toBe("designed");
    const reopen = await firstRow(db.select().from(auditEvents).where(eq(auditEvents.action, "interface.reopen")));
    expect(reopen?.after).toEqual({ status: "designed", reason: "Mapping defect" });
  });

  it(
    "refuses a stale version: of two edits made from the " + "same version, one applies and the other gets 409",
    async () => {
      const crm = await addSystem();
      const first = await updateSystem(db, ctxFor(world.pm), pid(), {
        systemId: crm.id,
        name: "Salesforce CRM",
        kind: "crm",
        description: "",
        expectedVersion: 1,
      });
      expect(first.version).toBe(2);
      expect(
        await codeOf(
          async () =>
            await updateSystem(db, ctxFor(world.integrator), pid(), {
              systemId: crm.id,
              name: "SF",
              kind: "crm",
              description: "",
              expectedVersion: 1,
            }),
        ),
      ).toBe("stale_version");
      const sync = await addInterface(crm.id);
      await changeInterfaceStatus(db, ctxFor(world.pm), pid(), {
        interfaceId: sync.id,
        to: "developed",
        reason: "",
        expectedVersion: 1,
      });
      expect(
        await codeOf(
          async () =>
            await changeInterfaceStatus(db, ctxFor(world.integrator), pid(), {
              interfaceId: sync.id,
              to: "developed",
              reason: "",
              expectedVersion: 1,
            }),
        ),
      ).toBe("stale_version");
    },
  );

  it("edits an interface's fields without touching its status", async () => {
    const crm = await addSystem();
    const sync = await addInterface(crm.id);
    const edited = await updateInterface(db, ctxFor(world.pm), pid(), {
      interfaceId: sync.id,
      systemId: crm.id,
      name: "Customer master sync",
      direction: "bidirectional",
      protocol: "rest",
      frequency: "every 5 minutes",
      owner: "CRM team",
      module: null,
      description: "Both ways",
      expectedVersion: 1,
    });
    expect(edited).toMatchObject({ name: "Customer master sync", status: "designed", version: 2, module: null });
  });

  it("keeps systems with interfaces and live interfaces from being removed", async () => {
    const crm = await addSystem();
    const sync = await addInterface(crm.id);
    expect(await codeOf(async () => await deleteSystem(db, ctxFor(world.pm), pid(), { systemId: crm.id }))).toBe(
      "system_has_interfaces",
    );
    for (const to of ["developed", "tested", "live"] as const)
      await changeInterfaceStatus(db, ctxFor(world.pm), pid(), { interfaceId: sync.id, to, reason: "" });
    expect(await codeOf(async () => await deleteInterface(db, ctxFor(world.pm), pid(), { interfaceId: sync.id }))).toBe(
      "interface_live",
    );
    await changeInterfaceStatus(db, ctxFor(world.pm), pid(), {
      interfaceId: sync.id,
      to: "tested",
      reason: "Decommissioned",
    });
    await deleteInterface(db, ctxFor(world.pm), pid(), { interfaceId: sync.id });
    await deleteSystem(db, ctxFor(world.pm), pid(), { systemId: crm.id });
    expect((await getIntegrationRegistry(db, world.pm, pid())).systems).toHaveLength(0);
  });
});

describe("another user cannot see or change this", () => {
  it("gives a client of another organisation not_found, for reads and writes", async () => {
    const crm = await addSystem();
    expect(await codeOf(async () => await getIntegrationRegistry(db, world.otherViewer, pid()))).toBe("not_found");
    expect(await codeOf(async () => await getIntegrationDiagram(db, world.otherViewer, pid()))).toBe("not_found");
    expect(await codeOf(async () => await exportInterfaces(db, world.otherViewer, pid(), "csv"))).toBe("not_found");
    expect(await codeOf(async () => await addSystem("X", world.otherViewer))).toBe("not_found");
    expect(await codeOf(async () => await addInterface(crm.id, "X", world.otherViewer))).toBe("not_found");
  });

  it("refuses a client viewer and a team member of this project with forbidden", async () => {
    const crm = await addSystem();
    expect(await codeOf(async () => await addSystem("X", world.viewer))).toBe("forbidden");
    expect(await codeOf(async () => await addSystem("X", world.engineer))).toBe("forbidden");
    expect(await codeOf(async () => await addInterface(crm.id, "X", world.owner))).toBe("forbidden");
  });

  it(
    "does not let an integrator of ANOTHER project edit this one, nor reach its objects through their own " + "project",
    async () => {
      const otherPm = await makeUser(db, "staff");
      const otherIntegrator = await makeUser(db, "staff");
      const other = await makeProject(db, otherPm, world.org.id, { members: [[otherIntegrator, "integrator"]] });
      const crm = await addSystem();
      // Not a member here: the project is invisible to them.
      expect(await codeOf(async () => await addSystem("X", otherIntegrator))).toBe("not_found");
      // Through their own project, this project's system id does not exist.
      expect(
        await codeOf(
          async () =>
            await createInterface(db, ctxFor(otherIntegrator), other.id, {
              systemId: crm.id,
              name: "Sneaky",
              direction: "inbound",
              protocol: "rest",
              frequency: "daily",
              owner: "",
              module: null,
              description: "",
            }),
        ),
      ).toBe("not_found");
      expect(
        await codeOf(
          async () =>
            await updateSystem(db, ctxFor(otherIntegrator), other.id, {
              systemId: crm.id,
              name: "Renamed",
              kind: "crm",
              description: "",
            }),
        ),
      ).toBe("not_found");
      expect((await getIntegrationRegistry(db, world.pm, pid())).systems[0].name).toBe("Salesforce");
    },
  );

  it("does not count a client account's vendor-only role", async () => {
    // A client account seated as integrator (not allowed for client accounts) gets no edit right.
    await db.insert(projectMembers).values({ projectId: pid(), userId: world.guardian.id, role: "integrator" });
    expect(await codeOf(async () => await addSystem("X", world.guardian))).toBe("forbidden");
  });
});

describe("diagram, exports and freezing", () => {
  it("draws the diagram from the registry and exports CSV and markdown", async () => {
    const crm = await addSystem("<img src=x onerror=alert(1)>");
    await addInterface(crm.id, "=cmd|' /C calc'!A0");
    const { mermaid } = await getIntegrationDiagram(db, world.viewer, pid());
    expect(mermaid).toContain("#60;img src#61;x onerror#61;alert(1)#62;");
    expect(mermaid).not.toContain("<img");
    const csv = await exportInterfaces(db, world.viewer, pid(), "csv");
    expect(csv.contentType).toContain("text/csv");
    expect(csv.body).toContain(`"'=cmd|' /C calc'!A0"`);
    const md = await exportInterfaces(db, world.viewer, pid(), "markdown");
    expect(md.fileName).toMatch(/^interfaces-.*\.md$/);
    expect(md.body).toContain("\\<img src=x onerror=alert\\(1\\)\\>");
  });

  it(
    "freezes the diagram as a new submitted version of the " + "gate-6 artifact, dismissing earlier approvals",
    async () => {
      await addInterface((await addSystem()).id);
      const first = await freezeIntegrationDiagram(db, ctxFor(world.pm), pid());
      expect(first.versionNumber).toBe(1);
      const artifact = (await firstRow(db.select().from(artifacts).where(eq(artifacts.id, first.artifactId))))!;
      expect(artifact).toMatchObject({ type: "integration_concept_diagram", status: "submitted" });
      const version = (await firstRow(
        db.select().from(artifactVersions).where(eq(artifactVersions.id, first.versionId)),
      ))!;
      expect(version.kind).toBe("markdown");
      expect(version.markdown).toContain("```mermaid\nflowchart LR");
      // A board member approved version 1; freezing again dismisses that approval.
      await db.insert(artifactReviews).values({
        artifactId: artifact.id,
        versionId: version.id,
        reviewerId: world.boardMember.id,
        decision: "approve",
        at: new Date().toISOString(),
      });
      await db.update(artifacts).set({ status: "approved" }).where(eq(artifacts.id, artifact.id));
      const second = await freezeIntegrationDiagram(db, ctxFor(world.engineer), pid());
      expect(second.versionNumber).toBe(2);
      expect((await firstRow(db.select().from(artifacts).where(eq(artifacts.id, artifact.id))))!.status).toBe(
        "submitted",
      );
      expect(
        (await firstRow(db.select().from(artifactReviews).where(eq(artifactReviews.artifactId, artifact.id))))!
          .dismissedAt,
      ).not.toBeNull();
      expect(
        await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, "artifact.version.add"), eq(auditEvents.objectId, artifact.id))),
      ).toHaveLength(2);
    },
  );

  it("refuses to freeze into a decided gate, and refuses integrators and clients", async () => {
    expect(await codeOf(async () => await freezeIntegrationDiagram(db, ctxFor(world.integrator), pid()))).toBe(
      "forbidden",
    );
    expect(await codeOf(async () => await freezeIntegrationDiagram(db, ctxFor(world.viewer), pid()))).toBe("forbidden");
    expect(await codeOf(async () => await freezeIntegrationDiagram(db, ctxFor(world.otherViewer), pid()))).toBe(
      "not_found",
    );
    expect(await diagramFreezeRefusal(db, pid())).toBeNull();
    await db
      .update(gates)
      .set({ status: "go" })
      .where(and(eq(gates.projectId, pid()), eq(gates.number, 6)));
    expect(await diagramFreezeRefusal(db, pid())).toContain("has been decided");
    expect(await codeOf(async () => await freezeIntegrationDiagram(db, ctxFor(world.pm), pid()))).toBe("gate_closed");
    expect(await db.select().from(artifactVersions)).toHaveLength(0);
  });
});
