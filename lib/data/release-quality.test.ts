import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Db, first as firstRow, one } from "@/db/client";
import { auditEvents, qualityEvidence, qualitySelections, releases, sprints } from "@/db/schema";
import { missingQualityEvidence, recordEvidence, selectQuality } from "@/lib/data/quality";
import { projectQualityHistory, releaseQuality, sprintQuality } from "@/lib/data/quality-history";
import { gatherHealthFacts } from "@/lib/data/health";
import { ensureDefaultQualityScale } from "@/lib/data/quality-scale";
import { recordReleaseEvidence, selectReleaseQuality } from "@/lib/data/release-quality";
import type { QualityAnswers } from "@/lib/domain/quality-selection";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeProject, makeWorld } from "@/lib/testing/fixtures";

beforeAll(() => {
  process.env.LIGHTGATE_DATA_DIR = mkdtempSync(path.join(tmpdir(), "lightgate-release-quality-"));
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

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;
let release: typeof releases.$inferSelect;

async function addRelease(projectId: string, number: number) {
  return await one(
    db
      .insert(releases)
      .values({ projectId, number, name: number === 1 ? "MVP" : `Release ${number}` })
      .returning(),
  );
}

async function addSprint(
  number: number,
  releaseId: string | null,
  status: "planned" | "active" | "in_review" | "accepted" = "active",
) {
  return await one(
    db
      .insert(sprints)
      .values({
        projectId: w.project.id,
        releaseId,
        number,
        goal: `Sprint ${number}`,
        startDate: "2026-03-01",
        endDate: "2026-03-14",
        status,
      })
      .returning(),
  );
}

const choose = async (
  actorCtx: ReturnType<typeof ctxFor>,
  input: Partial<Parameters<typeof selectReleaseQuality>[2]> = {},
) =>
  await selectReleaseQuality(db, actorCtx, {
    projectId: w.project.id,
    releaseId: release.id,
    answers: small,
    chosenLevel: "QS1",
    justification: "",
    ...input,
  });

beforeEach(async () => {
  db = await createTestDb();
  await ensureDefaultQualityScale(db);
  w = await makeWorld(db);
  release = await addRelease(w.project.id, 1);
});

describe("a release's quality selection", () => {
  it("is chosen with the sprint's questions and rules and stored as the release's one selection", async () => {
    const selection = await choose(ctxFor(w.pm), { answers: risky, chosenLevel: "QS3" });
    expect(selection).toMatchObject({
      releaseId: release.id,
      sprintId: null,
      recommendedLevel: "QS3",
      chosenLevel: "QS3",
      justification: null,
    });
    expect(selection.reasons.map((r) => r.points)).toEqual([3, 4]);
    const view = await releaseQuality(db, w.viewer, w.project.id, release.id);
    expect(view.release).toEqual({ id: release.id, number: 1, name: "MVP" });
    expect(view.selection?.activities.map((a) => a.key)).toContain("performance_test");
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "quality.selection.create"));
    expect(event.after).toMatchObject({ releaseNumber: 1, chosenLevel: "QS3" });
  });

  it(
    "refuses a level below the recommendation without a " + "justification, naming the field, and writes nothing",
    async () => {
      const error = await refusal(async () => await choose(ctxFor(w.pm), { answers: risky, chosenLevel: "QS1" }));
      expect(error).toMatchObject({ status: 409, reason: "justification_required" });
      expect(error.details?.fieldErrors).toEqual({
        justification: [expect.stringContaining("below the recommended QS3")],
      });
      expect(await db.select().from(qualitySelections)).toEqual([]);
      const justified = await choose(ctxFor(w.pm), {
        answers: risky,
        chosenLevel: "QS1",
        justification: "Rating is only relabelled",
      });
      expect(justified.justification).toBe("Rating is only relabelled");
    },
  );

  it("is re-selected in place, audited as a change; a stale view is refused", async () => {
    const first = await choose(ctxFor(w.pm));
    const second = await choose(ctxFor(w.engineer), { chosenLevel: "QS2", expectedSelectedAt: first.selectedAt });
    expect(second.id).toBe(first.id);
    expect(second.selectedAt > first.selectedAt).toBe(true);
    expect(
      await db
        .select()
        .from(qualitySelections)
        .where(and(eq(qualitySelections.releaseId, release.id), isNull(qualitySelections.sprintId))),
    ).toHaveLength(1);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "quality.selection.change"))).toHaveLength(
      1,
    );
    expect((await refusal(async () => await choose(ctxFor(w.pm), { expectedSelectedAt: first.selectedAt }))).code).toBe(
      "stale_version",
    );
    expect((await refusal(async () => await choose(ctxFor(w.pm), { expectedSelectedAt: "" }))).code).toBe(
      "stale_version",
    );
  });

  it("can no longer change once a sprint inheriting it went to review", async () => {
    await choose(ctxFor(w.pm));
    await addSprint(1, release.id, "in_review");
    const error = await refusal(async () => await choose(ctxFor(w.pm), { chosenLevel: "QS2" }));
    expect(error).toMatchObject({ status: 409, reason: "release_standard_in_use" });
    expect(error.message).toContain("sprint 1 was reviewed against it");
  });

  it(
    "is chosen by the PM and team members only; clients read " + "it; another organisation's client sees nothing",
    async () => {
      for (const actor of [w.owner, w.guardian, w.viewer, w.integrator]) {
        expect((await refusal(async () => await choose(ctxFor(actor)))).code).toBe("forbidden");
      }
      await choose(ctxFor(w.engineer));
      expect((await releaseQuality(db, w.owner, w.project.id, release.id)).selection?.chosenLevel).toBe("QS1");
      expect((await releaseQuality(db, w.owner, w.project.id, release.id)).canEdit).toBe(false);
      expect((await refusal(async () => await releaseQuality(db, w.otherViewer, w.project.id, release.id))).code).toBe(
        "not_found",
      );
      expect((await refusal(async () => await choose(ctxFor(w.otherViewer)))).code).toBe("not_found");
      expect((await refusal(async () => await projectQualityHistory(db, w.otherViewer, w.project.id))).code).toBe(
        "not_found",
      );
      expect(
        (
          await refusal(
            async () =>
              await recordReleaseEvidence(db, ctxFor(w.otherViewer), {
                projectId: w.project.id,
                releaseId: release.id,
                activityKey: "peer_review",
                result: "waived",
                reason: "x",
                link: "",
              }),
          )
        ).code,
      ).toBe("not_found");
    },
  );

  it("another project's release is not found through this project", async () => {
    const other = await makeProject(db, w.pm, w.org.id);
    const foreign = await addRelease(other.id, 1);
    expect((await refusal(async () => await choose(ctxFor(w.pm), { releaseId: foreign.id }))).code).toBe("not_found");
    expect((await refusal(async () => await releaseQuality(db, w.pm, w.project.id, foreign.id))).code).toBe(
      "not_found",
    );
  });
});

describe("sprints inheriting their release's selection", () => {
  it("a sprint without its own selection is held to the release's; its own selection wins", async () => {
    const inheriting = await addSprint(1, release.id);
    const own = await addSprint(2, release.id);
    const outside = await addSprint(3, null);
    expect(await missingQualityEvidence(db, inheriting.id)).toEqual([
      { key: "quality_level", name: "Quality level", reason: "No quality standard selected" },
    ]);
    await choose(ctxFor(w.pm), { chosenLevel: "QS0" });
    await selectQuality(db, ctxFor(w.pm), {
      projectId: w.project.id,
      sprintId: own.id,
      answers: small,
      chosenLevel: "QS1",
      justification: "",
    });

    expect((await missingQualityEvidence(db, inheriting.id)).map((m) => m.key)).toEqual(["peer_review", "smoke_test"]);
    expect((await missingQualityEvidence(db, own.id)).map((m) => m.key)).toEqual([
      "peer_review",
      "smoke_test",
      "functional_tests",
    ]);
    expect((await missingQualityEvidence(db, outside.id)).map((m) => m.key)).toEqual(["quality_level"]);

    const view = await sprintQuality(db, w.viewer, w.project.id, inheriting.id);
    expect(view.inheritedFrom).toEqual({ id: release.id, number: 1, name: "MVP" });
    expect(view.selection?.chosenLevel).toBe("QS0");
    expect((await sprintQuality(db, w.viewer, w.project.id, own.id)).inheritedFrom).toBeNull();
    expect((await releaseQuality(db, w.pm, w.project.id, release.id)).inheritingSprints.map((s) => s.number)).toEqual([
      1,
    ]);
  });

  it(
    "evidence recorded against the release counts for every " + "inheriting sprint, also when recorded from a sprint",
    async () => {
      const first = await addSprint(1, release.id);
      const second = await addSprint(2, release.id, "planned");
      await choose(ctxFor(w.pm), { chosenLevel: "QS0" });
      await recordReleaseEvidence(db, ctxFor(w.engineer), {
        projectId: w.project.id,
        releaseId: release.id,
        activityKey: "peer_review",
        result: "passed",
        reason: "",
        link: "https://ci.example/review",
      });
      // From the sprint's panel: recorded on the release's selection, not a new one of the sprint.
      await recordEvidence(db, ctxFor(w.engineer), {
        projectId: w.project.id,
        sprintId: first.id,
        activityKey: "smoke_test",
        result: "waived",
        reason: "Config only",
        link: "",
      });
      const releaseSelection = (await firstRow(
        db.select().from(qualitySelections).where(eq(qualitySelections.releaseId, release.id)),
      ))!;
      expect((await db.select().from(qualityEvidence)).every((e) => e.selectionId === releaseSelection.id)).toBe(true);
      expect(await db.select().from(qualitySelections)).toHaveLength(1);
      expect(await missingQualityEvidence(db, first.id)).toEqual([]);
      expect(await missingQualityEvidence(db, second.id)).toEqual([]);

      const history = await projectQualityHistory(db, w.viewer, w.project.id);
      expect(history.releases[0]).toMatchObject({ number: 1, selection: { chosenLevel: "QS0", missing: [] } });
      expect(history.sprints.map((s) => [s.number, s.inheritedFrom?.number ?? null, s.selection?.chosenLevel])).toEqual(
        [
          [2, 1, "QS0"],
          [1, 1, "QS0"],
        ],
      );
      const [event] = (
        await db.select().from(auditEvents).where(eq(auditEvents.action, "quality.evidence.record"))
      ).slice(-1);
      expect(event.after).toMatchObject({ sprintNumber: 1, inheritedFromRelease: 1 });
    },
  );

  it("release evidence follows the evidence rules: a waiver needs a reason, only required activities", async () => {
    await choose(ctxFor(w.pm), { chosenLevel: "QS0" });
    const base = { projectId: w.project.id, releaseId: release.id, reason: "", link: "" };
    expect(
      (
        await refusal(
          async () =>
            await recordReleaseEvidence(db, ctxFor(w.pm), { ...base, activityKey: "smoke_test", result: "waived" }),
        )
      ).reason,
    ).toBe("waiver_reason_required");
    expect(
      (
        await refusal(
          async () =>
            await recordReleaseEvidence(db, ctxFor(w.pm), { ...base, activityKey: "load_test", result: "failed" }),
        )
      ).reason,
    ).toBe("activity_not_required");
    expect(await db.select().from(qualityEvidence)).toEqual([]);
  });
});

describe("project health", () => {
  it("counts failed evidence of a release's standard while a sprint inheriting it is open", async () => {
    await addSprint(1, release.id);
    await choose(ctxFor(w.pm), { chosenLevel: "QS0" });
    await recordReleaseEvidence(db, ctxFor(w.pm), {
      projectId: w.project.id,
      releaseId: release.id,
      activityKey: "smoke_test",
      result: "failed",
      reason: "",
      link: "",
    });
    const facts = (await gatherHealthFacts(db, [w.project])).get(w.project.id)!;
    expect(facts.failedQualityActivities).toBe(1);
  });
});
