import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { recommendQuality } from "@/lib/data/quality";
import {
  ensureDefaultQualityScale,
  loadRules,
  loadScale,
  removeActivity,
  removeRule,
  saveActivity,
  saveRule,
  updateLevel,
} from "@/lib/data/quality-scale";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeUser } from "@/lib/testing/fixtures";

let db: Db;
beforeEach(async () => {
  db = await createTestDb();
  await ensureDefaultQualityScale(db);
});

const answers = {
  changeSize: "small" as const,
  touchesRating: false,
  touchesIntegrations: false,
  includesMigration: false,
  customerFacing: false,
  regulatory: false,
};

async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as AppError).code;
  }
  return "none";
}

describe("editing the quality scale", () => {
  it("lets an admin change levels, activities and rules, each audited", async () => {
    const admin = await makeUser(db, "admin");
    const qs1 = (await loadScale(db))[1];
    await updateLevel(db, ctxFor(admin), {
      standardId: qs1.id,
      name: "Minor change",
      purpose: "One area",
      minPoints: 1,
    });
    // 1 point (small) now reaches QS1.
    expect((await recommendQuality(db, admin, { answers })).level).toBe("QS1");

    const added = await saveActivity(db, ctxFor(admin), {
      standardId: qs1.id,
      key: "accessibility_check",
      name: "Accessibility check",
      environment: "homologation",
      timing: "before_gate",
      gateNumber: 4,
    });
    expect((await loadScale(db))[1].activities.at(-1)).toMatchObject({ key: "accessibility_check", gateNumber: 4 });
    expect(
      await codeOf(
        async () =>
          await saveActivity(db, ctxFor(admin), {
            standardId: qs1.id,
            key: "peer_review",
            name: "Duplicate",
            environment: "development",
            timing: "before_sprint_review",
            gateNumber: null,
          }),
      ),
    ).toBe("invalid_input");
    await removeActivity(db, ctxFor(admin), added.id);

    const rule = await saveRule(db, ctxFor(admin), {
      question: "regulatory",
      matchValue: ">= 2",
      points: 1,
      reason: "x",
    });
    expect(rule.matchValue).toBe(">=2");
    await removeRule(db, ctxFor(admin), rule.id);
    expect(await loadRules(db)).toHaveLength(10);

    const actions = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.actorId, admin.id));
    expect(actions.map((a) => a.action)).toEqual([
      "quality.level.update",
      "quality.activity.add",
      "quality.activity.remove",
      "quality.rule.add",
      "quality.rule.remove",
    ]);
  });

  it("refuses everyone but admins", async () => {
    const staff = await makeUser(db, "staff");
    const qs0 = (await loadScale(db))[0];
    expect(
      await codeOf(
        async () => await updateLevel(db, ctxFor(staff), { standardId: qs0.id, name: "X", purpose: "", minPoints: 0 }),
      ),
    ).toBe("forbidden");
    expect(await codeOf(async () => await removeRule(db, ctxFor(staff), (await loadRules(db))[0].id))).toBe(
      "forbidden",
    );
    expect(await codeOf(async () => await removeActivity(db, ctxFor(staff), qs0.activities[0].id))).toBe("forbidden");
    expect((await loadScale(db))[0].name).toBe("Configuration tweak");
  });
});
