import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { auditEvents, gates, projects, type PolicyGate } from "@/db/schema";
import { getPolicyVersion, listPolicies, publishPolicyVersion } from "@/lib/data/policies";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeProject, makeWorld } from "@/lib/testing/fixtures";

let db: Db;
let world: ReturnType<typeof makeWorld>;

beforeEach(() => {
  db = createTestDb();
  world = makeWorld(db);
});

const defaultPolicy = () => listPolicies(db, world.admin)[0];
const latestGates = (): PolicyGate[] => {
  const policy = defaultPolicy();
  return JSON.parse(JSON.stringify(getPolicyVersion(db, world.admin, policy.versions[0].id).gates));
};
function withEdit(edit: (gates: PolicyGate[]) => void) {
  const gates = latestGates();
  edit(gates);
  return gates;
}
const publish = (gates: PolicyGate[], basedOnVersion = defaultPolicy().latestVersion, actor = world.admin) =>
  publishPolicyVersion(db, ctxFor(actor), { policyId: defaultPolicy().id, basedOnVersion, note: "test", gates });

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("publishing a policy version", () => {
  it("creates version 2, audits it, and new projects use it while existing ones keep version 1", () => {
    const before = db.select().from(gates).where(eq(gates.projectId, world.project.id)).all();
    const v2 = publish(
      withEdit((g) => {
        g.find((x) => x.number === 5)!.objectives = "Every plan exists and is reviewed.";
        g.find((x) => x.number === 7)!.decisionRule = "majority";
      }),
    );
    expect(v2.version).toBe(2);
    expect(v2.changes).toEqual(["Gate 7: decision rule unanimous → majority", "Gate 5: objectives changed"]);

    // The running project is untouched: same policy version, same gates.
    const project = db.select().from(projects).where(eq(projects.id, world.project.id)).get()!;
    expect(project.policyVersionId).toBe(world.project.policyVersionId);
    expect(db.select().from(gates).where(eq(gates.projectId, world.project.id)).all()).toEqual(before);

    // A new project is bound to version 2 and its gates come from it.
    const fresh = makeProject(db, world.pm, world.org.id);
    expect(fresh.policyVersionId).toBe(v2.id);
    const gate5 = db.select().from(gates).where(eq(gates.projectId, fresh.id)).all().find((g) => g.number === 5)!;
    expect(gate5.objectives).toBe("Every plan exists and is reviewed.");

    const listed = defaultPolicy();
    expect(listed.latestVersion).toBe(2);
    expect(listed.versions.map((v) => [v.version, v.projectCount, v.latest])).toEqual([
      [2, 1, true],
      [1, 1, false],
    ]);
    const event = db.select().from(auditEvents).where(eq(auditEvents.objectId, v2.id)).get()!;
    expect(event).toMatchObject({ action: "policy.publish", actorId: world.admin.id, objectType: "gate_policy_version" });
  });

  it("refuses a draft of an older version (409) and a draft without changes (409)", () => {
    publish(withEdit((g) => (g[0].objectives = "First edit.")));
    const stale = refusal(() => publish(withEdit((g) => (g[1].objectives = "Second edit.")), 1));
    expect([stale.status, stale.reason]).toEqual([409, "stale_version"]);
    const unchanged = refusal(() => publish(latestGates()));
    expect([unchanged.status, unchanged.reason]).toEqual([409, "policy_unchanged"]);
    expect(defaultPolicy().latestVersion).toBe(2);
  });

  it("refuses an invalid policy with field errors and writes nothing", () => {
    const eventsBefore = db.select().from(auditEvents).all().length;
    const error = refusal(() => publish(withEdit((g) => ((g[3].decisionRule = "quorum"), (g[3].quorum = 0)))));
    expect(error.status).toBe(422);
    expect(error.details?.fieldErrors?.["gates.3.quorum"]).toBeDefined();
    expect(defaultPolicy().latestVersion).toBe(1);
    expect(db.select().from(auditEvents).all().length).toBe(eventsBefore);
  });

  it("lets exactly one of two publications based on the same version through", () => {
    const a = withEdit((g) => (g[0].objectives = "A"));
    const b = withEdit((g) => (g[0].objectives = "B"));
    publish(a, 1);
    expect(refusal(() => publish(b, 1)).reason).toBe("stale_version");
    const versions = defaultPolicy().versions;
    expect(versions.length).toBe(2);
  });
});

describe("two app processes publishing at once", () => {
  it("the second connection's publication of the same base version is refused as stale", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lightgate-policy-"));
    try {
      const file = path.join(dir, "lightgate.db");
      const first = openDatabase(file);
      const people = makeWorld(first);
      const second = openDatabase(file);
      const policy = listPolicies(second, people.admin)[0];
      const draft = (text: string) => {
        const gates: PolicyGate[] = JSON.parse(JSON.stringify(getPolicyVersion(second, people.admin, policy.versions[0].id).gates));
        gates[2].objectives = text;
        return { policyId: policy.id, basedOnVersion: 1, note: "", gates };
      };
      publishPolicyVersion(first, ctxFor(people.admin), draft("From process one."));
      expect(refusal(() => publishPolicyVersion(second, ctxFor(people.admin), draft("From process two."))).reason).toBe("stale_version");
      expect(listPolicies(second, people.admin)[0].versions.map((v) => v.version)).toEqual([2, 1]);
      first.$client.close();
      second.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("another user cannot see or change policies", () => {
  it.each(["pm", "owner", "otherViewer", "outsiderStaff"] as const)("%s is refused with 403", (who) => {
    const actor = world[who];
    expect(refusal(() => listPolicies(db, actor)).status).toBe(403);
    const versionId = defaultPolicy().versions[0].id;
    expect(refusal(() => getPolicyVersion(db, actor, versionId)).status).toBe(403);
    expect(refusal(() => publish(withEdit((g) => (g[0].objectives = "X")), 1, actor)).status).toBe(403);
    expect(defaultPolicy().latestVersion).toBe(1);
  });

  it("an unknown version is not found", () => {
    expect(refusal(() => getPolicyVersion(db, world.admin, crypto.randomUUID())).status).toBe(404);
  });
});
