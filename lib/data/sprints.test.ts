import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Db, first as firstRow } from "@/db/client";
import {
  auditEvents,
  estimateSnapshots,
  paymentMilestones,
  projectMembers,
  projects,
  scopeItems,
  sprints,
} from "@/db/schema";
import { updateBillingTerms } from "@/lib/data/billing";
import { estimateTrail } from "@/lib/data/estimates";
import { recordEvidence, selectQuality } from "@/lib/data/quality";
import { ensureDefaultQualityScale } from "@/lib/data/quality-scale";
import { addScopeItem, createRelease } from "@/lib/data/roadmap";
import {
  decideSprintAcceptance,
  getSprint,
  listSprints,
  planSprint,
  recordDeployment,
  reopenSprint,
  startSprint,
  submitSprintForReview,
  updateSprintPlan,
} from "@/lib/data/sprints";
import type { Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeProject, makeUser, makeWorld } from "@/lib/testing/fixtures";
import { inOrder } from "@/lib/in-order";

beforeAll(() => {
  process.env.LIGHTGATE_DATA_DIR = mkdtempSync(path.join(tmpdir(), "lightgate-sprints-"));
});

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;
let itemIds: string[];

const small = {
  changeSize: "small" as const,
  touchesRating: false,
  touchesIntegrations: false,
  includesMigration: false,
  customerFacing: false,
  regulatory: false,
};

async function plan(capacityDays = 10, ids = itemIds) {
  return (
    await planSprint(db, ctxFor(world.pm), {
      projectId: world.project.id,
      goal: "Tariffs live",
      startDate: "2026-03-02",
      endDate: "2026-03-15",
      capacityDays,
      scopeItemIds: ids,
      releaseId: null,
    })
  ).sprint;
}

const ref = (sprintId: string) => ({ projectId: world.project.id, sprintId });

async function deliverFully(sprintId: string) {
  await startSprint(db, ctxFor(world.pm), ref(sprintId));
  const selection = await selectQuality(db, ctxFor(world.engineer), {
    ...ref(sprintId),
    answers: small,
    chosenLevel: "QS0",
    justification: "",
  });
  for (const a of selection.activities) {
    await recordEvidence(db, ctxFor(world.engineer), {
      ...ref(sprintId),
      activityKey: a.key,
      result: "passed",
      reason: "",
      link: "https://ci.example/run/1",
    });
  }
  await recordDeployment(db, ctxFor(world.engineer), {
    ...ref(sprintId),
    releaseVersion: "1.4.0",
    environment: "production",
    deployedOn: "2026-03-14",
  });
  await submitSprintForReview(db, ctxFor(world.pm), ref(sprintId));
}

beforeEach(async () => {
  db = await createTestDb();
  await ensureDefaultQualityScale(db);
  world = await makeWorld(db);
  await db.update(projects).set({ dayRate: 100_000, currency: "EUR" }).where(eq(projects.id, world.project.id));
  const mvp = await createRelease(db, ctxFor(world.pm), {
    projectId: world.project.id,
    name: "MVP",
    scope: "",
    targetDate: null,
  });
  itemIds = await inOrder(
    [3, 4],
    async (days, i) =>
      (
        await addScopeItem(db, ctxFor(world.pm), {
          projectId: world.project.id,
          title: `Item ${i}`,
          category: "configuration",
          priority: "must",
          estimateDays: days,
          releaseId: mvp.id,
          reason: "",
        })
      ).id,
  );
});

describe("sprint workflow", () => {
  it(
    "plans, delivers and is accepted: items done, milestone " + "billable at the accepted days, a snapshot taken",
    async () => {
      // Release 2 scope does not delay the MVP go-live forecast.
      const r2 = await createRelease(db, ctxFor(world.pm), {
        projectId: world.project.id,
        name: "Release 2",
        scope: "",
        targetDate: null,
      });
      await addScopeItem(db, ctxFor(world.pm), {
        projectId: world.project.id,
        title: "Later",
        category: "other",
        priority: "should",
        estimateDays: 10,
        releaseId: r2.id,
        reason: "",
      });
      const sprint = await plan();
      expect(sprint.status).toBe("planned");
      await deliverFully(sprint.id);
      const before = (await db.select().from(estimateSnapshots)).length;
      const result = await decideSprintAcceptance(db, ctxFor(world.owner), {
        ...ref(sprint.id),
        decision: "accept",
        comment: "Looks good",
      });
      expect(result.sprint.status).toBe("accepted");
      const milestone = (await firstRow(
        db.select().from(paymentMilestones).where(eq(paymentMilestones.sprintId, sprint.id)),
      ))!;
      expect(milestone).toMatchObject({ status: "billable", amount: 7 * 100_000, currency: "EUR" });
      expect(
        (await db.select().from(scopeItems).where(eq(scopeItems.sprintId, sprint.id))).every(
          (i) => i.status === "done",
        ),
      ).toBe(true);
      const snapshots = await db.select().from(estimateSnapshots);
      expect(snapshots.length).toBe(before + 1);
      expect(snapshots.at(-1)).toMatchObject({
        kind: "sprint_close",
        sprintId: sprint.id,
        doneDays: 7,
        remainingDays: 0,
      });
      const actions = (await db.select({ action: auditEvents.action }).from(auditEvents)).map((a) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          "sprint.plan",
          "sprint.start",
          "sprint.deployment.record",
          "sprint.submit_review",
          "sprint.accept",
          "milestone.billable",
        ]),
      );
      expect((await estimateTrail(db, world.pm, world.project.id)).points.at(-1)?.label).toBe("Sprint 1");
    },
  );

  it("fixed price per sprint bills the fixed amount", async () => {
    await updateBillingTerms(db, ctxFor(world.pm), {
      projectId: world.project.id,
      billingMode: "fixed_per_sprint",
      dayRate: 0,
      fixedSprintAmount: 2_500_000,
      currency: "EUR",
    });
    const sprint = await plan();
    await deliverFully(sprint.id);
    await decideSprintAcceptance(db, ctxFor(world.owner), { ...ref(sprint.id), decision: "accept", comment: "" });
    expect(
      await firstRow(db.select().from(paymentMilestones).where(eq(paymentMilestones.sprintId, sprint.id))),
    ).toMatchObject({ status: "billable", amount: 2_500_000 });
  });

  it(
    "refuses acceptance listing the missing evidence and the " + "missing production deployment; nothing changes",
    async () => {
      const sprint = await plan();
      await startSprint(db, ctxFor(world.pm), ref(sprint.id));
      await selectQuality(db, ctxFor(world.engineer), {
        ...ref(sprint.id),
        answers: small,
        chosenLevel: "QS0",
        justification: "",
      });
      await submitSprintForReview(db, ctxFor(world.pm), ref(sprint.id));
      const error = await refusal(
        async () =>
          await decideSprintAcceptance(db, ctxFor(world.owner), { ...ref(sprint.id), decision: "accept", comment: "" }),
      );
      expect(error.status).toBe(409);
      expect(error.reason).toBe("sprint_acceptance_incomplete");
      const missing = error.details?.missing as { key: string }[];
      expect(missing.map((m) => m.key)).toContain("production_deployment");
      expect(missing.length).toBeGreaterThan(1);
      expect((await firstRow(db.select().from(sprints).where(eq(sprints.id, sprint.id))))?.status).toBe("in_review");
      expect(
        (await firstRow(db.select().from(paymentMilestones).where(eq(paymentMilestones.sprintId, sprint.id))))?.status,
      ).toBe("pending");
      expect((await getSprint(db, world.owner, world.project.id, sprint.id)).blockers.length).toBe(missing.length);
    },
  );

  it("refuses acceptance when no quality level was selected", async () => {
    const sprint = await plan();
    await startSprint(db, ctxFor(world.pm), ref(sprint.id));
    await recordDeployment(db, ctxFor(world.engineer), {
      ...ref(sprint.id),
      releaseVersion: "1.0",
      environment: "production",
      deployedOn: "2026-03-14",
    });
    await submitSprintForReview(db, ctxFor(world.pm), ref(sprint.id));
    const error = await refusal(
      async () =>
        await decideSprintAcceptance(db, ctxFor(world.owner), { ...ref(sprint.id), decision: "accept", comment: "" }),
    );
    expect((error.details?.missing as unknown[]).length).toBe(1);
  });

  it("a rejection needs no evidence, keeps the milestone pending, and the sprint can be reopened", async () => {
    const sprint = await plan();
    await startSprint(db, ctxFor(world.pm), ref(sprint.id));
    await submitSprintForReview(db, ctxFor(world.pm), ref(sprint.id));
    await decideSprintAcceptance(db, ctxFor(world.owner), {
      ...ref(sprint.id),
      decision: "reject",
      comment: "Invoices miss the VAT line",
    });
    expect(await firstRow(db.select().from(sprints).where(eq(sprints.id, sprint.id)))).toMatchObject({
      status: "rejected",
      acceptanceComment: "Invoices miss the VAT line",
    });
    expect(
      (await firstRow(db.select().from(paymentMilestones).where(eq(paymentMilestones.sprintId, sprint.id))))?.status,
    ).toBe("pending");
    expect((await reopenSprint(db, ctxFor(world.pm), ref(sprint.id))).sprint.status).toBe("active");
  });

  it("refuses committing more than the capacity, and items of another sprint", async () => {
    expect((await refusal(async () => await plan(5))).reason).toBe("sprint_over_capacity");
    const first = await plan(10, [itemIds[0]]);
    expect((await refusal(async () => await plan(10, [itemIds[0]]))).code).toBe("invalid_input");
    const warned = await updateSprintPlan(db, ctxFor(world.pm), {
      ...ref(first.id),
      goal: "g",
      startDate: "2026-03-02",
      endDate: "2026-03-15",
      capacityDays: 7,
      scopeItemIds: itemIds,
      releaseId: null,
    });
    expect(warned.warnings.length).toBe(1);
  });

  it("a stale version and a second decision are refused with 409", async () => {
    const sprint = await plan();
    await deliverFully(sprint.id);
    const current = (await firstRow(db.select().from(sprints).where(eq(sprints.id, sprint.id))))!;
    expect(
      (
        await refusal(
          async () =>
            await decideSprintAcceptance(db, ctxFor(world.owner), {
              ...ref(sprint.id),
              decision: "accept",
              comment: "",
              expectedVersion: current.version - 1,
            }),
        )
      ).code,
    ).toBe("stale_version");
    await decideSprintAcceptance(db, ctxFor(world.owner), { ...ref(sprint.id), decision: "accept", comment: "" });
    const second = await refusal(
      async () =>
        await decideSprintAcceptance(db, ctxFor(world.owner), {
          ...ref(sprint.id),
          decision: "reject",
          comment: "too late",
        }),
    );
    expect(second.status).toBe(409);
  });
});

describe("another user cannot see or change this sprint", () => {
  let otherOwner: Actor;
  let sameOrgOwnerElsewhere: Actor;
  let sprintId: string;

  beforeEach(async () => {
    const sprint = await plan();
    sprintId = sprint.id;
    await deliverFully(sprint.id);
    otherOwner = await makeUser(db, "client", world.otherOrg.id);
    await makeProject(db, world.pm, world.otherOrg.id, { members: [[otherOwner, "client_owner"]] });
    sameOrgOwnerElsewhere = await makeUser(db, "client", world.org.id);
    await makeProject(db, world.pm, world.org.id, { members: [[sameOrgOwnerElsewhere, "client_owner"]] });
  });

  it.each([
    { who: "client owner of a project of another organisation", actor: () => otherOwner, code: "not_found" },
    {
      who: "client owner of another project of the same organisation",
      actor: () => sameOrgOwnerElsewhere,
      code: "not_found",
    },
    { who: "the project manager (not the client owner)", actor: () => world.pm, code: "forbidden" },
    { who: "a client viewer of the project", actor: () => world.viewer, code: "forbidden" },
    { who: "a guardian of the project", actor: () => world.guardian, code: "forbidden" },
  ])("$who cannot accept ($code)", async ({ actor, code }) => {
    expect(
      (
        await refusal(
          async () =>
            await decideSprintAcceptance(db, ctxFor(actor()), { ...ref(sprintId), decision: "accept", comment: "" }),
        )
      ).code,
    ).toBe(code);
    expect((await firstRow(db.select().from(sprints).where(eq(sprints.id, sprintId))))?.status).toBe("in_review");
  });

  it("outsiders cannot read the sprint; a viewer reads it without billing", async () => {
    expect((await refusal(async () => await getSprint(db, otherOwner, world.project.id, sprintId))).code).toBe(
      "not_found",
    );
    expect((await refusal(async () => await listSprints(db, world.otherViewer, world.project.id))).code).toBe(
      "not_found",
    );
    expect((await refusal(async () => await getSprint(db, world.outsiderStaff, world.project.id, sprintId))).code).toBe(
      "not_found",
    );
    const seen = await getSprint(db, world.viewer, world.project.id, sprintId);
    expect(seen.milestone).toBeNull();
    expect((await listSprints(db, world.viewer, world.project.id)).sprints[0].milestone).toBeNull();
  });

  it("a sprint id of another project is not found through this project", async () => {
    const other = await makeProject(db, world.pm, world.org.id, { members: [[world.owner, "client_owner"]] });
    expect(
      (
        await refusal(
          async () =>
            await decideSprintAcceptance(db, ctxFor(world.owner), {
              projectId: other.id,
              sprintId,
              decision: "accept",
              comment: "",
            }),
        )
      ).code,
    ).toBe("not_found");
  });

  it("a client owner removed from the project can no longer accept", async () => {
    await db.delete(projectMembers).where(eq(projectMembers.userId, world.owner.id));
    expect(
      (
        await refusal(
          async () =>
            await decideSprintAcceptance(db, ctxFor(world.owner), {
              ...ref(sprintId),
              decision: "accept",
              comment: "",
            }),
        )
      ).code,
    ).toBe("not_found");
  });
});
