import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Db, first as firstRow, one } from "@/db/client";
import { auditEvents, notifications, qualityEvidence, qualitySelections, sprints } from "@/db/schema";
import { evidenceFileFor, projectQualityHistory, sprintQuality } from "@/lib/data/quality-history";
import {
  missingQualityEvidence,
  recommendQuality,
  recordEscapedDefects,
  recordEvidence,
  selectQuality,
} from "@/lib/data/quality";
import { ensureDefaultQualityScale, loadScale } from "@/lib/data/quality-scale";
import type { QualityAnswers } from "@/lib/domain/quality-selection";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeWorld } from "@/lib/testing/fixtures";

beforeAll(() => {
  process.env.LIGHTGATE_DATA_DIR = mkdtempSync(path.join(tmpdir(), "lightgate-quality-"));
});

const small: QualityAnswers = {
  changeSize: "small",
  touchesRating: false,
  touchesIntegrations: false,
  includesMigration: false,
  customerFacing: false,
  regulatory: false,
};
// medium + rating = 7 points → QS3 with the default rules.
const risky: QualityAnswers = { ...small, changeSize: "medium", touchesRating: true };

async function expectRefusal(run: () => unknown, code: string, reason?: string) {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (reason) expect((error as AppError).reason).toBe(reason);
    return error as AppError;
  }
  throw new Error(`expected a ${code} refusal`);
}

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;
let sprintId: string;

async function addSprint(number: number, status: "planned" | "active" | "accepted" = "active", escapedDefects = 0) {
  return await one(
    db
      .insert(sprints)
      .values({
        projectId: world.project.id,
        number,
        goal: `Sprint ${number}`,
        startDate: "2026-03-01",
        endDate: "2026-03-14",
        status,
        escapedDefects,
      })
      .returning(),
  );
}

beforeEach(async () => {
  db = await createTestDb();
  await ensureDefaultQualityScale(db);
  world = await makeWorld(db);
  sprintId = (await addSprint(1)).id;
});

describe("ensureDefaultQualityScale", () => {
  it("seeds the five levels once and never overwrites admin edits", async () => {
    expect((await loadScale(db)).map((l) => l.level)).toEqual(["QS0", "QS1", "QS2", "QS3", "QS4"]);
    expect((await loadScale(db))[1].activities.map((a) => a.key)).toEqual([
      "peer_review",
      "smoke_test",
      "functional_tests",
    ]);
    expect(await ensureDefaultQualityScale(db)).toBe(false);
    expect(await loadScale(db)).toHaveLength(5);
  });
});

describe("selectQuality", () => {
  const select = async (actor = world.pm, extra: Partial<Parameters<typeof selectQuality>[2]> = {}) =>
    await selectQuality(db, ctxFor(actor), {
      projectId: world.project.id,
      sprintId,
      answers: risky,
      chosenLevel: "QS3",
      justification: "",
      ...extra,
    });

  it("freezes the chosen level's activities into the selection and audits it", async () => {
    const selection = await select();
    expect(selection.recommendedLevel).toBe("QS3");
    expect(selection.activities.map((a) => a.key)).toContain("security_scan");
    expect(selection.reasons.map((r) => r.points)).toEqual([3, 4]);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.objectId, selection.id));
    expect(audit.map((a) => a.action)).toEqual(["quality.selection.create"]);
  });

  it("refuses a level below the recommendation without a justification", async () => {
    const error = await expectRefusal(
      async () => await select(world.pm, { chosenLevel: "QS1" }),
      "rule_refused",
      "justification_required",
    );
    expect(error.details?.fieldErrors?.justification?.[0]).toMatch(/below the recommended QS3/);
    expect(await db.select().from(qualitySelections)).toHaveLength(0);
  });

  it("accepts a lower level with a justification", async () => {
    const selection = await select(world.engineer, {
      chosenLevel: "QS1",
      justification: "Only a tariff label changed",
    });
    expect(selection.chosenLevel).toBe("QS1");
    expect(selection.justification).toBe("Only a tariff label changed");
    const told = await db.select().from(notifications).where(eq(notifications.userId, world.owner.id));
    expect(told.map((n) => n.title)).toEqual(["Sprint 1 is tested to QS1, below the recommended QS3"]);
  });

  it("counts escaped defects of the previous sprints", async () => {
    await db.delete(sprints).where(eq(sprints.id, sprintId));
    await addSprint(1, "accepted", 2);
    await addSprint(2, "accepted", 1);
    sprintId = (await addSprint(3)).id;
    const selection = await select(world.pm, { answers: small, chosenLevel: "QS2" });
    expect(selection.recommendedLevel).toBe("QS2");
    expect(selection.reasons).toHaveLength(3);
    expect(
      (await recommendQuality(db, world.viewer, { answers: small, projectId: world.project.id })).escapedDefects,
    ).toBe(3);
  });

  it("refuses a stale change (another user changed the selection in between)", async () => {
    const first = await select();
    await select(world.engineer, { chosenLevel: "QS4", expectedSelectedAt: first.selectedAt });
    await expectRefusal(
      async () => await select(world.pm, { chosenLevel: "QS3", expectedSelectedAt: first.selectedAt }),
      "stale_version",
    );
  });

  it("refuses the second of two first selections made from the same empty form", async () => {
    await select(world.pm, { expectedSelectedAt: "" });
    await expectRefusal(
      async () => await select(world.engineer, { chosenLevel: "QS4", expectedSelectedAt: "" }),
      "stale_version",
    );
    expect((await firstRow(db.select().from(qualitySelections)))?.chosenLevel).toBe("QS3");
  });

  it("refuses once the sprint is accepted", async () => {
    await db.update(sprints).set({ status: "accepted" }).where(eq(sprints.id, sprintId));
    await expectRefusal(async () => await select(), "rule_refused", "sprint_not_open");
  });

  it("another user cannot see or change this", async () => {
    await expectRefusal(async () => await select(world.otherViewer), "not_found");
    await expectRefusal(async () => await select(world.viewer), "forbidden");
    await expectRefusal(async () => await select(world.owner), "forbidden");
    await expectRefusal(async () => await select(world.outsiderStaff), "not_found");
    await expectRefusal(
      async () => await sprintQuality(db, world.otherViewer, world.project.id, sprintId),
      "not_found",
    );
    await expectRefusal(
      async () => await recommendQuality(db, world.otherViewer, { answers: small, projectId: world.project.id }),
      "not_found",
    );
    expect(await db.select().from(qualitySelections)).toHaveLength(0);
  });
});

describe("evidence and missingQualityEvidence", () => {
  const evidence = async (
    key: string,
    result: "passed" | "failed" | "waived",
    extra: Partial<Parameters<typeof recordEvidence>[2]> = {},
    actor = world.engineer,
  ) =>
    await recordEvidence(db, ctxFor(actor), {
      projectId: world.project.id,
      sprintId,
      activityKey: key,
      result,
      reason: "",
      link: "https://ci.example/run/1",
      ...extra,
    });

  it("asks for a level first", async () => {
    expect(await missingQualityEvidence(db, sprintId)).toEqual([
      { key: "quality_level", name: "Quality level", reason: "No quality standard selected" },
    ]);
    await expectRefusal(async () => await evidence("peer_review", "passed"), "rule_refused", "no_quality_selection");
  });

  it("lists every required activity until each has passed or waived evidence", async () => {
    await selectQuality(db, ctxFor(world.pm), {
      projectId: world.project.id,
      sprintId,
      answers: small,
      chosenLevel: "QS0",
      justification: "",
    });
    expect((await missingQualityEvidence(db, sprintId)).map((m) => m.key)).toEqual(["peer_review", "smoke_test"]);
    await evidence("peer_review", "passed");
    await evidence("smoke_test", "failed", { link: "" });
    expect(await missingQualityEvidence(db, sprintId)).toEqual([
      { key: "smoke_test", name: "Smoke test", reason: "Latest evidence: failed" },
    ]);
    const waiverError = await expectRefusal(
      async () => await evidence("smoke_test", "waived", { link: "" }),
      "rule_refused",
      "waiver_reason_required",
    );
    expect(waiverError.details?.fieldErrors?.reason).toBeDefined();
    await evidence("smoke_test", "waived", { link: "", reason: "Covered by the vendor's release smoke test" });
    expect(await missingQualityEvidence(db, sprintId)).toEqual([]);
    const view = await sprintQuality(db, world.owner, world.project.id, sprintId);
    expect(view.selection?.activities.map((a) => a.latest?.result)).toEqual(["passed", "waived"]);
    expect(view.canEdit).toBe(false);
  });

  it("refuses an activity the chosen level does not require, and passed without proof", async () => {
    await selectQuality(db, ctxFor(world.pm), {
      projectId: world.project.id,
      sprintId,
      answers: small,
      chosenLevel: "QS0",
      justification: "",
    });
    await expectRefusal(
      async () => await evidence("load_test_2x_peak", "passed"),
      "rule_refused",
      "activity_not_required",
    );
    await expectRefusal(
      async () => await evidence("peer_review", "passed", { link: "" }),
      "rule_refused",
      "proof_required",
    );
  });

  it("stores an uploaded report with its SHA-256 and serves it only to project readers", async () => {
    await selectQuality(db, ctxFor(world.pm), {
      projectId: world.project.id,
      sprintId,
      answers: small,
      chosenLevel: "QS0",
      justification: "",
    });
    const bytes = Buffer.from("all 42 smoke tests passed\n");
    const row = await evidence("smoke_test", "passed", {
      link: "",
      upload: { fileName: "../smoke.txt", bytes },
    });
    expect(row.fileName).toBe("smoke.txt");
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.storedName).not.toContain("smoke");
    const file = await evidenceFileFor(db, world.viewer, world.project.id, row.id);
    expect(file.bytes.equals(bytes)).toBe(true);
    await expectRefusal(
      async () => await evidenceFileFor(db, world.otherViewer, world.project.id, row.id),
      "not_found",
    );
    const html = await expectRefusal(
      async () => await evidence("peer_review", "passed", { link: "", upload: { fileName: "x.html", bytes } }),
      "unsupported_media_type",
    );
    expect(html.details?.fieldErrors?.file).toBeDefined();
  });

  it("another user cannot record evidence", async () => {
    await selectQuality(db, ctxFor(world.pm), {
      projectId: world.project.id,
      sprintId,
      answers: small,
      chosenLevel: "QS0",
      justification: "",
    });
    await expectRefusal(async () => await evidence("peer_review", "passed", {}, world.otherViewer), "not_found");
    await expectRefusal(async () => await evidence("peer_review", "passed", {}, world.viewer), "forbidden");
    await expectRefusal(async () => await evidence("peer_review", "passed", {}, world.guardian), "forbidden");
    expect(await db.select().from(qualityEvidence)).toHaveLength(0);
  });
});

describe("escaped defects and history", () => {
  it("records escaped defects with optimistic concurrency, shown in the history", async () => {
    const updated = await recordEscapedDefects(db, ctxFor(world.pm), {
      projectId: world.project.id,
      sprintId,
      escapedDefects: 2,
      expectedVersion: 1,
    });
    expect(updated.escapedDefects).toBe(2);
    await expectRefusal(
      async () =>
        await recordEscapedDefects(db, ctxFor(world.engineer), {
          projectId: world.project.id,
          sprintId,
          escapedDefects: 5,
          expectedVersion: 1,
        }),
      "stale_version",
    );
    await expectRefusal(
      async () =>
        await recordEscapedDefects(db, ctxFor(world.owner), {
          projectId: world.project.id,
          sprintId,
          escapedDefects: 5,
        }),
      "forbidden",
    );
    const history = await projectQualityHistory(db, world.viewer, world.project.id);
    expect(history.sprints[0]).toMatchObject({ number: 1, escapedDefects: 2, selection: null });
    await expectRefusal(async () => await projectQualityHistory(db, world.otherViewer, world.project.id), "not_found");
  });
});
