import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, first } from "@/db/client";
import { auditEvents, projects } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit";
import { adminCommand, projectCommand } from "@/lib/data/command";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeWorld } from "@/lib/testing/fixtures";

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeEach(async () => {
  db = await createTestDb();
  world = await makeWorld(db);
});

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const error: unknown = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const auditCount = async () => (await db.select({ id: auditEvents.id }).from(auditEvents)).length;
const projectName = async () =>
  (await first(db.select({ name: projects.name }).from(projects).where(eq(projects.id, world.project.id))))?.name;

/** A command that renames the project, version-checked, with one audit event. */
const rename = (actor = world.pm, name = "Renamed", expectedVersion?: number, refuse = false) =>
  projectCommand(db, ctxFor(actor), {
    projectId: world.project.id,
    permission: "project.edit",
    expectedVersion,
    run: async ({ tx, project, audit }) => {
      await tx
        .update(projects)
        .set({ name, version: project.version + 1 })
        .where(eq(projects.id, project.id));
      audit({
        action: "project.rename",
        objectType: "project",
        objectId: project.id,
        before: { name: project.name },
        after: { name },
      });
      if (refuse) throw new AppError("rule_refused", "The rule says no.", "no");
      return name;
    },
  });

describe("projectCommand", () => {
  it("writes the change and appends its audit event on the command's project", async () => {
    const before = await auditCount();
    expect(await rename()).toBe("Renamed");
    expect(await projectName()).toBe("Renamed");
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "project.rename"));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ projectId: world.project.id, actorId: world.pm.id, after: { name: "Renamed" } });
    expect(await auditCount()).toBe(before + 1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("rolls back the write and its audit events when the rule refuses", async () => {
    const before = await auditCount();
    const error = await refusal(() => rename(world.pm, "Refused", undefined, true));
    expect(error.code).toBe("rule_refused");
    expect(await projectName()).toBe(world.project.name);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a stale expected version with 409 stale_version and changes nothing", async () => {
    const error = await refusal(() => rename(world.pm, "Stale", world.project.version + 5));
    expect(error.code).toBe("stale_version");
    expect(error.status).toBe(409);
    expect(await projectName()).toBe(world.project.name);
    expect(await rename(world.pm, "Fresh", world.project.version)).toBe("Fresh");
  });

  it("checks the loaded object's version rather than the project's", async () => {
    const run = (expectedVersion: number) =>
      projectCommand(db, ctxFor(world.pm), {
        projectId: world.project.id,
        permission: "project.edit",
        load: async () => ({ version: 7 }),
        expectedVersion,
        run: async ({ target }) => target.version,
      });
    expect(await run(7)).toBe(7);
    expect((await refusal(() => run(world.project.version))).code).toBe("stale_version");
  });

  it("hides the project from outsiders (404) and refuses members without the permission (403)", async () => {
    expect((await refusal(() => rename(world.otherViewer))).code).toBe("not_found");
    expect((await refusal(() => rename(world.outsiderStaff))).code).toBe("not_found");
    expect((await refusal(() => rename(world.viewer))).code).toBe("forbidden");
    expect(await projectName()).toBe(world.project.name);
  });

  it("lets any viewer in when the permission is 'view' and the rule decides", async () => {
    const seen = await projectCommand(db, ctxFor(world.viewer), {
      projectId: world.project.id,
      permission: "view",
      run: async ({ access }) => access.roles,
    });
    expect(seen).toContain("client_viewer");
  });

  it("never interleaves two concurrent commands: each sees the other's committed version", async () => {
    const names = await Promise.all(Array.from({ length: 8 }, (_, i) => rename(world.pm, `Name ${i}`)));
    expect(names).toHaveLength(8);
    const row = await first(
      db.select({ version: projects.version }).from(projects).where(eq(projects.id, world.project.id)),
    );
    expect(row?.version).toBe(world.project.version + 8);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});

describe("adminCommand", () => {
  it(
    "runs for administrators with its audit events, and " + "refuses anyone else before opening a transaction",
    async () => {
      const before = await auditCount();
      const done = await adminCommand(db, ctxFor(world.admin), async ({ audit }) => {
        audit({ action: "setting.change", objectType: "setting", objectId: "x", after: { on: true } });
        return "done";
      });
      expect(done).toBe("done");
      expect(await auditCount()).toBe(before + 1);
      const error = await refusal(() =>
        adminCommand(db, ctxFor(world.pm), async () => "no", "Only administrators manage gate policies."),
      );
      expect(error).toMatchObject({ code: "forbidden", message: "Only administrators manage gate policies." });
    },
  );
});
