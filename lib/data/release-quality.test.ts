import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
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

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

let db: Db;
let w: ReturnType<typeof makeWorld>;
let release: typeof releases.$inferSelect;

function addRelease(projectId: string, number: number) {
  return db.insert(releases).values({ projectId, number, name: number === 1 ? "MVP" : `Release ${number}` }).returning().get();
}

function addSprint(number: number, releaseId: string | null, status: "planned" | "active" | "in_review" | "accepted" = "active") {
  return db
    .insert(sprints)
    .values({ projectId: w.project.id, releaseId, number, goal: `Sprint ${number}`, startDate: "2026-03-01", endDate: "2026-03-14", status })
    .returning()
    .get();
}

const choose = (actorCtx: ReturnType<typeof ctxFor>, input: Partial<Parameters<typeof selectReleaseQuality>[2]> = {}) =>
  selectReleaseQuality(db, actorCtx, { projectId: w.project.id, releaseId: release.id, answers: small, chosenLevel: "QS1", justification: "", ...input });

beforeEach(() => {
  db = createTestDb();
  ensureDefaultQualityScale(db);
  w = makeWorld(db);
  release = addRelease(w.project.id, 1);
});

describe("a release's quality selection", () => {
  it("is chosen with the sprint's questions and rules and stored as the release's one selection", () => {
    const selection = choose(ctxFor(w.pm), { answers: risky, chosenLevel: "QS3" });
    expect(selection).toMatchObject({ releaseId: release.id, sprintId: null, recommendedLevel: "QS3", chosenLevel: "QS3", justification: null });
    expect(selection.reasons.map((r) => r.points)).toEqual([3, 4]);
    const view = releaseQuality(db, w.viewer, w.project.id, release.id);
    expect(view.release).toEqual({ id: release.id, number: 1, name: "MVP" });
    expect(view.selection?.activities.map((a) => a.key)).toContain("performance_test");
    const [event] = db.select().from(auditEvents).where(eq(auditEvents.action, "quality.selection.create")).all();
    expect(event.after).toMatchObject({ releaseNumber: 1, chosenLevel: "QS3" });
  });

  it("refuses a level below the recommendation without a justification, naming the field, and writes nothing", () => {
    const error = refusal(() => choose(ctxFor(w.pm), { answers: risky, chosenLevel: "QS1" }));
    expect(error).toMatchObject({ status: 409, reason: "justification_required" });
    expect(error.details?.fieldErrors).toEqual({ justification: [expect.stringContaining("below the recommended QS3")] });
    expect(db.select().from(qualitySelections).all()).toEqual([]);
    const justified = choose(ctxFor(w.pm), { answers: risky, chosenLevel: "QS1", justification: "Rating is only relabelled" });
    expect(justified.justification).toBe("Rating is only relabelled");
  });

  it("is re-selected in place, audited as a change; a stale view is refused", () => {
    const first = choose(ctxFor(w.pm));
    const second = choose(ctxFor(w.engineer), { chosenLevel: "QS2", expectedSelectedAt: first.selectedAt });
    expect(second.id).toBe(first.id);
    expect(second.selectedAt > first.selectedAt).toBe(true);
    expect(db.select().from(qualitySelections).where(and(eq(qualitySelections.releaseId, release.id), isNull(qualitySelections.sprintId))).all()).toHaveLength(1);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "quality.selection.change")).all()).toHaveLength(1);
    expect(refusal(() => choose(ctxFor(w.pm), { expectedSelectedAt: first.selectedAt })).code).toBe("stale_version");
    expect(refusal(() => choose(ctxFor(w.pm), { expectedSelectedAt: "" })).code).toBe("stale_version");
  });

  it("can no longer change once a sprint inheriting it went to review", () => {
    choose(ctxFor(w.pm));
    addSprint(1, release.id, "in_review");
    const error = refusal(() => choose(ctxFor(w.pm), { chosenLevel: "QS2" }));
    expect(error).toMatchObject({ status: 409, reason: "release_standard_in_use" });
    expect(error.message).toContain("sprint 1 was reviewed against it");
  });

  it("is chosen by the PM and team members only; clients read it; another organisation's client sees nothing", () => {
    for (const actor of [w.owner, w.guardian, w.viewer, w.integrator]) {
      expect(refusal(() => choose(ctxFor(actor))).code).toBe("forbidden");
    }
    choose(ctxFor(w.engineer));
    expect(releaseQuality(db, w.owner, w.project.id, release.id).selection?.chosenLevel).toBe("QS1");
    expect(releaseQuality(db, w.owner, w.project.id, release.id).canEdit).toBe(false);
    expect(refusal(() => releaseQuality(db, w.otherViewer, w.project.id, release.id)).code).toBe("not_found");
    expect(refusal(() => choose(ctxFor(w.otherViewer))).code).toBe("not_found");
    expect(refusal(() => projectQualityHistory(db, w.otherViewer, w.project.id)).code).toBe("not_found");
    expect(
      refusal(() => recordReleaseEvidence(db, ctxFor(w.otherViewer), { projectId: w.project.id, releaseId: release.id, activityKey: "peer_review", result: "waived", reason: "x", link: "" }))
        .code,
    ).toBe("not_found");
  });

  it("another project's release is not found through this project", () => {
    const other = makeProject(db, w.pm, w.org.id);
    const foreign = addRelease(other.id, 1);
    expect(refusal(() => choose(ctxFor(w.pm), { releaseId: foreign.id })).code).toBe("not_found");
    expect(refusal(() => releaseQuality(db, w.pm, w.project.id, foreign.id)).code).toBe("not_found");
  });
});

describe("sprints inheriting their release's selection", () => {
  it("a sprint without its own selection is held to the release's; its own selection wins", () => {
    const inheriting = addSprint(1, release.id);
    const own = addSprint(2, release.id);
    const outside = addSprint(3, null);
    expect(missingQualityEvidence(db, inheriting.id)).toEqual([{ key: "quality_level", name: "Quality level", reason: "No quality standard selected" }]);
    choose(ctxFor(w.pm), { chosenLevel: "QS0" });
    selectQuality(db, ctxFor(w.pm), { projectId: w.project.id, sprintId: own.id, answers: small, chosenLevel: "QS1", justification: "" });

    expect(missingQualityEvidence(db, inheriting.id).map((m) => m.key)).toEqual(["peer_review", "smoke_test"]);
    expect(missingQualityEvidence(db, own.id).map((m) => m.key)).toEqual(["peer_review", "smoke_test", "functional_tests"]);
    expect(missingQualityEvidence(db, outside.id).map((m) => m.key)).toEqual(["quality_level"]);

    const view = sprintQuality(db, w.viewer, w.project.id, inheriting.id);
    expect(view.inheritedFrom).toEqual({ id: release.id, number: 1, name: "MVP" });
    expect(view.selection?.chosenLevel).toBe("QS0");
    expect(sprintQuality(db, w.viewer, w.project.id, own.id).inheritedFrom).toBeNull();
    expect(releaseQuality(db, w.pm, w.project.id, release.id).inheritingSprints.map((s) => s.number)).toEqual([1]);
  });

  it("evidence recorded against the release counts for every inheriting sprint, also when recorded from a sprint", () => {
    const first = addSprint(1, release.id);
    const second = addSprint(2, release.id, "planned");
    choose(ctxFor(w.pm), { chosenLevel: "QS0" });
    recordReleaseEvidence(db, ctxFor(w.engineer), { projectId: w.project.id, releaseId: release.id, activityKey: "peer_review", result: "passed", reason: "", link: "https://ci.example/review" });
    // From the sprint's panel: recorded on the release's selection, not a new one of the sprint.
    recordEvidence(db, ctxFor(w.engineer), { projectId: w.project.id, sprintId: first.id, activityKey: "smoke_test", result: "waived", reason: "Config only", link: "" });
    const releaseSelection = db.select().from(qualitySelections).where(eq(qualitySelections.releaseId, release.id)).get()!;
    expect(db.select().from(qualityEvidence).all().every((e) => e.selectionId === releaseSelection.id)).toBe(true);
    expect(db.select().from(qualitySelections).all()).toHaveLength(1);
    expect(missingQualityEvidence(db, first.id)).toEqual([]);
    expect(missingQualityEvidence(db, second.id)).toEqual([]);

    const history = projectQualityHistory(db, w.viewer, w.project.id);
    expect(history.releases[0]).toMatchObject({ number: 1, selection: { chosenLevel: "QS0", missing: [] } });
    expect(history.sprints.map((s) => [s.number, s.inheritedFrom?.number ?? null, s.selection?.chosenLevel])).toEqual([
      [2, 1, "QS0"],
      [1, 1, "QS0"],
    ]);
    const [event] = db.select().from(auditEvents).where(eq(auditEvents.action, "quality.evidence.record")).all().slice(-1);
    expect(event.after).toMatchObject({ sprintNumber: 1, inheritedFromRelease: 1 });
  });

  it("release evidence follows the evidence rules: a waiver needs a reason, only required activities", () => {
    choose(ctxFor(w.pm), { chosenLevel: "QS0" });
    const base = { projectId: w.project.id, releaseId: release.id, reason: "", link: "" };
    expect(refusal(() => recordReleaseEvidence(db, ctxFor(w.pm), { ...base, activityKey: "smoke_test", result: "waived" })).reason).toBe("waiver_reason_required");
    expect(refusal(() => recordReleaseEvidence(db, ctxFor(w.pm), { ...base, activityKey: "load_test", result: "failed" })).reason).toBe("activity_not_required");
    expect(db.select().from(qualityEvidence).all()).toEqual([]);
  });
});

describe("project health", () => {
  it("counts failed evidence of a release's standard while a sprint inheriting it is open", () => {
    addSprint(1, release.id);
    choose(ctxFor(w.pm), { chosenLevel: "QS0" });
    recordReleaseEvidence(db, ctxFor(w.pm), { projectId: w.project.id, releaseId: release.id, activityKey: "smoke_test", result: "failed", reason: "", link: "" });
    const facts = gatherHealthFacts(db, [w.project]).get(w.project.id)!;
    expect(facts.failedQualityActivities).toBe(1);
  });
});
