import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { databaseDialect } from "@/db/url";
import { openDatabase, type Db, first as firstRow, closeDatabase } from "@/db/client";
import { auditEvents, gates, projects, type PolicyGate } from "@/db/schema";
import { getPolicyVersion, listPolicies, publishPolicyVersion } from "@/lib/data/policies";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeProject, makeWorld } from "@/lib/testing/fixtures";

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeEach(async () => {
  db = await createTestDb();
  world = await makeWorld(db);
});

const defaultPolicy = async () => (await listPolicies(db, world.admin))[0];
const latestGates = async (): Promise<PolicyGate[]> => {
  const policy = await defaultPolicy();
  return JSON.parse(JSON.stringify((await getPolicyVersion(db, world.admin, policy.versions[0].id)).gates));
};
async function withEdit(edit: (gates: PolicyGate[]) => void) {
  const gates = await latestGates();
  edit(gates);
  return gates;
}
const publish = async (gates: PolicyGate[], basedOn?: number, actor = world.admin) =>
  await publishPolicyVersion(db, ctxFor(actor), {
    policyId: (await defaultPolicy()).id,
    basedOnVersion: basedOn ?? (await defaultPolicy()).latestVersion,
    note: "test",
    gates,
  });

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("publishing a policy version", () => {
  it("creates version 2, audits it, and new projects use it while existing ones keep version 1", async () => {
    const before = await db.select().from(gates).where(eq(gates.projectId, world.project.id));
    const v2 = await publish(
      await withEdit((g) => {
        g.find((x) => x.number === 5)!.objectives = "Every plan exists and is reviewed.";
        g.find((x) => x.number === 7)!.decisionRule = "majority";
      }),
    );
    expect(v2.version).toBe(2);
    expect(v2.changes).toEqual(["Gate 7: decision rule unanimous → majority", "Gate 5: objectives changed"]);

    // The running project is untouched: same policy version, same gates.
    const project = (await firstRow(db.select().from(projects).where(eq(projects.id, world.project.id))))!;
    expect(project.policyVersionId).toBe(world.project.policyVersionId);
    expect(await db.select().from(gates).where(eq(gates.projectId, world.project.id))).toEqual(before);

    // A new project is bound to version 2 and its gates come from it.
    const fresh = await makeProject(db, world.pm, world.org.id);
    expect(fresh.policyVersionId).toBe(v2.id);
    const gate5 = (await db.select().from(gates).where(eq(gates.projectId, fresh.id))).find((g) => g.number === 5)!;
    expect(gate5.objectives).toBe("Every plan exists and is reviewed.");

    const listed = await defaultPolicy();
    expect(listed.latestVersion).toBe(2);
    expect(listed.versions.map((v) => [v.version, v.projectCount, v.latest])).toEqual([
      [2, 1, true],
      [1, 1, false],
    ]);
    const event = (await firstRow(db.select().from(auditEvents).where(eq(auditEvents.objectId, v2.id))))!;
    expect(event).toMatchObject({
      action: "policy.publish",
      actorId: world.admin.id,
      objectType: "gate_policy_version",
    });
  });

  it("refuses a draft of an older version (409) and a draft without changes (409)", async () => {
    await publish(await withEdit((g) => (g[0].objectives = "First edit.")));
    const stale = await refusal(
      async () => await publish(await withEdit((g) => (g[1].objectives = "Second edit.")), 1),
    );
    expect([stale.status, stale.reason]).toEqual([409, "stale_version"]);
    const unchanged = await refusal(async () => await publish(await latestGates()));
    expect([unchanged.status, unchanged.reason]).toEqual([409, "policy_unchanged"]);
    expect((await defaultPolicy()).latestVersion).toBe(2);
  });

  it("refuses an invalid policy with field errors and writes nothing", async () => {
    const eventsBefore = (await db.select().from(auditEvents)).length;
    const error = await refusal(
      async () => await publish(await withEdit((g) => ((g[3].decisionRule = "quorum"), (g[3].quorum = 0)))),
    );
    expect(error.status).toBe(422);
    expect(error.details?.fieldErrors?.["gates.3.quorum"]).toBeDefined();
    expect((await defaultPolicy()).latestVersion).toBe(1);
    expect((await db.select().from(auditEvents)).length).toBe(eventsBefore);
  });

  it("lets exactly one of two publications based on the same version through", async () => {
    const a = await withEdit((g) => (g[0].objectives = "A"));
    const b = await withEdit((g) => (g[0].objectives = "B"));
    await publish(a, 1);
    expect((await refusal(async () => await publish(b, 1))).reason).toBe("stale_version");
    const versions = (await defaultPolicy()).versions;
    expect(versions.length).toBe(2);
  });
});

// SQLite files only; two instances on one PostgreSQL database are the multi-instance test.
describe.skipIf(databaseDialect() === "postgres")("two app processes publishing at once", () => {
  it("the second connection's publication of the same base version is refused as stale", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lightgate-policy-"));
    try {
      const file = path.join(dir, "lightgate.db");
      const first = openDatabase(file);
      const people = await makeWorld(first);
      const second = openDatabase(file);
      const policy = (await listPolicies(second, people.admin))[0];
      const draft = async (text: string) => {
        const gates: PolicyGate[] = JSON.parse(
          JSON.stringify((await getPolicyVersion(second, people.admin, policy.versions[0].id)).gates),
        );
        gates[2].objectives = text;
        return { policyId: policy.id, basedOnVersion: 1, note: "", gates };
      };
      await publishPolicyVersion(first, ctxFor(people.admin), await draft("From process one."));
      expect(
        (
          await refusal(
            async () => await publishPolicyVersion(second, ctxFor(people.admin), await draft("From process two.")),
          )
        ).reason,
      ).toBe("stale_version");
      expect((await listPolicies(second, people.admin))[0].versions.map((v) => v.version)).toEqual([2, 1]);
      await closeDatabase(first);
      await closeDatabase(second);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("another user cannot see or change policies", () => {
  it.each(["pm", "owner", "otherViewer", "outsiderStaff"] as const)("%s is refused with 403", async (who) => {
    const actor = world[who];
    expect((await refusal(async () => await listPolicies(db, actor))).status).toBe(403);
    const versionId = (await defaultPolicy()).versions[0].id;
    expect((await refusal(async () => await getPolicyVersion(db, actor, versionId))).status).toBe(403);
    expect(
      (await refusal(async () => await publish(await withEdit((g) => (g[0].objectives = "X")), 1, actor))).status,
    ).toBe(403);
    expect((await defaultPolicy()).latestVersion).toBe(1);
  });

  it("an unknown version is not found", async () => {
    expect((await refusal(async () => await getPolicyVersion(db, world.admin, crypto.randomUUID()))).status).toBe(404);
  });
});
