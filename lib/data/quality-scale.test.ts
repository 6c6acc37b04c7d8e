import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { recommendQuality } from "@/lib/data/quality";
import { ensureDefaultQualityScale, loadRules, loadScale, removeActivity, removeRule, saveActivity, saveRule, updateLevel } from "@/lib/data/quality-scale";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeUser } from "@/lib/testing/fixtures";

let db: Db;
beforeEach(() => {
  db = createTestDb();
  ensureDefaultQualityScale(db);
});

const answers = {
  changeSize: "small" as const,
  touchesRating: false,
  touchesIntegrations: false,
  includesMigration: false,
  customerFacing: false,
  regulatory: false,
};

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as AppError).code;
  }
  return "none";
}

describe("editing the quality scale", () => {
  it("lets an admin change levels, activities and rules, each audited", () => {
    const admin = makeUser(db, "admin");
    const qs1 = loadScale(db)[1];
    updateLevel(db, ctxFor(admin), { standardId: qs1.id, name: "Minor change", purpose: "One area", minPoints: 1 });
    // 1 point (small) now reaches QS1.
    expect(recommendQuality(db, admin, { answers }).level).toBe("QS1");

    const added = saveActivity(db, ctxFor(admin), {
      standardId: qs1.id,
      key: "accessibility_check",
      name: "Accessibility check",
      environment: "homologation",
      timing: "before_gate",
      gateNumber: 4,
    });
    expect(loadScale(db)[1].activities.at(-1)).toMatchObject({ key: "accessibility_check", gateNumber: 4 });
    expect(
      codeOf(() =>
        saveActivity(db, ctxFor(admin), {
          standardId: qs1.id,
          key: "peer_review",
          name: "Duplicate",
          environment: "development",
          timing: "before_sprint_review",
          gateNumber: null,
        }),
      ),
    ).toBe("invalid_input");
    removeActivity(db, ctxFor(admin), added.id);

    const rule = saveRule(db, ctxFor(admin), { question: "regulatory", matchValue: ">= 2", points: 1, reason: "x" });
    expect(rule.matchValue).toBe(">=2");
    removeRule(db, ctxFor(admin), rule.id);
    expect(loadRules(db)).toHaveLength(10);

    const actions = db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorId, admin.id)).all();
    expect(actions.map((a) => a.action)).toEqual([
      "quality.level.update",
      "quality.activity.add",
      "quality.activity.remove",
      "quality.rule.add",
      "quality.rule.remove",
    ]);
  });

  it("refuses everyone but admins", () => {
    const staff = makeUser(db, "staff");
    const qs0 = loadScale(db)[0];
    expect(codeOf(() => updateLevel(db, ctxFor(staff), { standardId: qs0.id, name: "X", purpose: "", minPoints: 0 }))).toBe("forbidden");
    expect(codeOf(() => removeRule(db, ctxFor(staff), loadRules(db)[0].id))).toBe("forbidden");
    expect(codeOf(() => removeActivity(db, ctxFor(staff), qs0.activities[0].id))).toBe("forbidden");
    expect(loadScale(db)[0].name).toBe("Configuration tweak");
  });
});
