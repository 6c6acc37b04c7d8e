import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, first as firstRow } from "@/db/client";
import { artifactReviews, artifacts, artifactVersions, estimateSnapshots, scopeChanges, scopeItems } from "@/db/schema";
import {
  addScopeItem,
  createRelease,
  listScopeItems,
  removeScopeItem,
  scopeSummary,
  updateScopeItem,
} from "@/lib/data/roadmap";
import { approveBaseline, freezeBaseline, listBaselines } from "@/lib/data/scope-baselines";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeWorld } from "@/lib/testing/fixtures";

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
let mvpId: string;

const item = async (title: string, days = 2, releaseId: string | null = mvpId, reason = "") =>
  await addScopeItem(db, ctxFor(world.pm), {
    projectId: world.project.id,
    title,
    category: "configuration",
    priority: "must",
    estimateDays: days,
    releaseId,
    reason,
  });

beforeEach(async () => {
  db = await createTestDb();
  world = await makeWorld(db);
  mvpId = (
    await createRelease(db, ctxFor(world.pm), {
      projectId: world.project.id,
      name: "MVP",
      scope: "Residential tariffs",
      targetDate: null,
    })
  ).id;
});

describe("scope items and their change log", () => {
  it("records every change; after the baseline a change needs a reason", async () => {
    const a = await item("Tariff bands", 3);
    await updateScopeItem(db, ctxFor(world.pm), {
      projectId: world.project.id,
      scopeItemId: a.id,
      title: "Tariff bands",
      category: "configuration",
      priority: "must",
      estimateDays: 4,
      releaseId: mvpId,
      status: "planned",
      reason: "",
    });
    await approveBaseline(db, ctxFor(world.owner), { projectId: world.project.id });
    const needsReason = await refusal(
      async () =>
        await updateScopeItem(db, ctxFor(world.pm), {
          projectId: world.project.id,
          scopeItemId: a.id,
          title: "Tariff bands",
          category: "configuration",
          priority: "must",
          estimateDays: 6,
          releaseId: mvpId,
          status: "planned",
          reason: "",
        }),
    );
    expect(needsReason.code).toBe("invalid_input");
    expect(needsReason.details?.fieldErrors?.reason).toBeDefined();
    expect((await refusal(async () => await item("Late addition"))).reason).toBe("scope_reason_required");
    await item("Late addition", 1, mvpId, "Regulator requires it");
    await removeScopeItem(db, ctxFor(world.pm), {
      projectId: world.project.id,
      scopeItemId: a.id,
      reason: "Moved to release 2 contract",
    });
    const log = await db.select().from(scopeChanges).where(eq(scopeChanges.projectId, world.project.id));
    expect(log.map((c) => c.change)).toEqual(["added", "changed", "added", "removed"]);
    expect(log.at(-1)?.reason).toBe("Moved to release 2 contract");
    expect((await firstRow(db.select().from(scopeItems).where(eq(scopeItems.id, a.id))))?.status).toBe("dropped");
  });

  it("refuses a stale edit", async () => {
    const a = await item("A");
    const edit = {
      projectId: world.project.id,
      scopeItemId: a.id,
      title: "A2",
      category: "configuration" as const,
      priority: "must" as const,
      estimateDays: 2,
      releaseId: mvpId,
      status: "planned" as const,
      reason: "",
      expectedVersion: a.version,
    };
    await updateScopeItem(db, ctxFor(world.pm), edit);
    expect(
      (await refusal(async () => await updateScopeItem(db, ctxFor(world.pm), { ...edit, title: "A3" }))).code,
    ).toBe("stale_version");
  });

  it("pages through 2,000 items 200 at a time and groups totals in SQL", async () => {
    const now = Date.now();
    await db.insert(scopeItems).values(
      Array.from({ length: 2000 }, (_, i) => ({
        projectId: world.project.id,
        releaseId: mvpId,
        title: `Item ${i}`,
        category: "migration" as const,
        priority: "should" as const,
        estimateDays: 0.5,
        createdAt: new Date(now + i).toISOString(),
      })),
    );
    let cursor: string | null = null;
    let seen = 0;
    // What a time limit stood for, counted instead (a wall-clock bound fails on a loaded box):
    // the list is read a page at a time, never unpaged or one by one, and no item is read twice.
    const pageSizes: number[] = [];
    const ids = new Set<string>();
    do {
      const page: Awaited<ReturnType<typeof listScopeItems>> = await listScopeItems(db, world.pm, world.project.id, {
        limit: 200,
        cursor,
      });
      seen += page.items.length;
      pageSizes.push(page.items.length);
      for (const it of page.items) ids.add(it.id);
      cursor = page.nextCursor;
    } while (cursor);
    const summary = (await scopeSummary(db, world.pm, world.project.id)).get(mvpId);
    expect(seen).toBe(2000);
    expect(summary).toMatchObject({ items: 2000, days: 1000 });
    expect(pageSizes).toEqual(Array(10).fill(200));
    expect(ids.size).toBe(2000);
  });
});

describe("MVP baseline", () => {
  it("is approved by the client owner only, versioned, with a baseline snapshot", async () => {
    await item("A", 3);
    await item("Not MVP", 5, null);
    expect(
      (await refusal(async () => await approveBaseline(db, ctxFor(world.pm), { projectId: world.project.id }))).code,
    ).toBe("forbidden");
    expect(
      (await refusal(async () => await approveBaseline(db, ctxFor(world.otherViewer), { projectId: world.project.id })))
        .code,
    ).toBe("not_found");
    const v1 = await approveBaseline(db, ctxFor(world.owner), { projectId: world.project.id });
    const v2 = await approveBaseline(db, ctxFor(world.owner), { projectId: world.project.id });
    expect([v1.version, v2.version, v1.totalDays]).toEqual([1, 2, 3]);
    expect((await listBaselines(db, world.viewer, world.project.id)).map((b) => b.version)).toEqual([2, 1]);
    expect((await db.select().from(estimateSnapshots).where(eq(estimateSnapshots.kind, "baseline"))).length).toBe(2);
  });

  it("refuses an empty MVP", async () => {
    expect(
      (await refusal(async () => await approveBaseline(db, ctxFor(world.owner), { projectId: world.project.id })))
        .reason,
    ).toBe("baseline_empty");
  });

  it(
    "is frozen by the PM as a new markdown version of the " + "gate-6 MVP scope artifact, dismissing earlier reviews",
    async () => {
      await item("Tariff bands", 3);
      expect(
        (await refusal(async () => await freezeBaseline(db, ctxFor(world.pm), { projectId: world.project.id }))).reason,
      ).toBe("baseline_missing");
      await approveBaseline(db, ctxFor(world.owner), { projectId: world.project.id });
      const artifact = (await firstRow(
        db
          .select()
          .from(artifacts)
          .where(and(eq(artifacts.projectId, world.project.id), eq(artifacts.type, "mvp_scope"))),
      ))!;
      const first = await freezeBaseline(db, ctxFor(world.pm), { projectId: world.project.id });
      const v1 = (await firstRow(
        db.select().from(artifactVersions).where(eq(artifactVersions.artifactId, artifact.id)),
      ))!;
      await db.insert(artifactReviews).values({
        artifactId: artifact.id,
        versionId: v1.id,
        reviewerId: world.boardMember.id,
        decision: "approve",
        at: new Date().toISOString(),
      });
      await db.update(artifacts).set({ status: "approved" }).where(eq(artifacts.id, artifact.id));
      const second = await freezeBaseline(db, ctxFor(world.pm), { projectId: world.project.id });
      expect([first.versionNumber, second.versionNumber, first.gateNumber]).toEqual([1, 2, 6]);
      expect((await firstRow(db.select().from(artifacts).where(eq(artifacts.id, artifact.id))))?.status).toBe(
        "submitted",
      );
      expect(
        (await firstRow(db.select().from(artifactReviews).where(eq(artifactReviews.artifactId, artifact.id))))
          ?.dismissedAt,
      ).not.toBeNull();
      expect(v1.markdown).toContain("| Tariff bands | MUST | 3 |");
      expect(
        (await refusal(async () => await freezeBaseline(db, ctxFor(world.engineer), { projectId: world.project.id })))
          .code,
      ).toBe("forbidden");
    },
  );
});

describe("another user cannot see or change the roadmap", () => {
  it.each([
    { who: "client of another organisation", actor: () => world.otherViewer, code: "not_found" },
    { who: "vendor staff outside the project", actor: () => world.outsiderStaff, code: "not_found" },
    { who: "client owner (not the PM)", actor: () => world.owner, code: "forbidden" },
    { who: "engineer (not the PM)", actor: () => world.engineer, code: "forbidden" },
  ])("$who cannot add scope ($code)", async ({ actor, code }) => {
    expect(
      (
        await refusal(
          async () =>
            await addScopeItem(db, ctxFor(actor()), {
              projectId: world.project.id,
              title: "x",
              category: "other",
              priority: "could",
              estimateDays: 1,
              releaseId: null,
              reason: "",
            }),
        )
      ).code,
    ).toBe(code);
  });

  it("a client of another organisation cannot list the scope", async () => {
    expect(
      (await refusal(async () => await listScopeItems(db, world.otherViewer, world.project.id, { limit: 10 }))).code,
    ).toBe("not_found");
  });
});
