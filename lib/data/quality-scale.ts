// The quality-standard scale and the selection rule table: seeding, reading, admin edits (through adminCommand).
import { levelTexts } from "@/lib/data/policy-texts";
import type { Locale } from "@/lib/i18n/locale";
import { and, asc, eq, ne } from "drizzle-orm";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { qualityActivities, qualityRules, qualityStandards } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { adminCommand } from "@/lib/data/command";
import { DEFAULT_QUALITY_RULES, expandedDefaultLevels } from "@/lib/domain/default-quality-scale";
import { cleanTranslations, SOURCE_LANGUAGE } from "@/lib/domain/localized-text";
import { activityTranslations, levelTranslations } from "@/lib/domain/policy-translations";
import type { QualityLevel, QualityRule } from "@/lib/domain/quality-selection";
import { AppError, notFound } from "@/lib/errors";
import type { activityEditSchema, levelEditSchema, ruleEditSchema } from "@/lib/validation/quality";
import type { z } from "zod";

/**
 * Seeds the default scale and rule table on first start (every mode). Idempotent: once any
 * level exists the admins own the scale, so nothing is re-added or overwritten.
 */
export async function ensureDefaultQualityScale(tx: DbOrTx): Promise<boolean> {
  if (await first(tx.select({ id: qualityStandards.id }).from(qualityStandards).limit(1))) return false;
  for (const level of expandedDefaultLevels()) {
    const standard = await one(
      tx
        .insert(qualityStandards)
        .values({
          level: level.level,
          rank: level.rank,
          name: level.name,
          purpose: level.purpose,
          translations: levelTranslations(level.level),
          minPoints: level.minPoints,
        })
        .returning(),
    );
    await tx.insert(qualityActivities).values(
      level.activities.map((a, position) => ({
        standardId: standard.id,
        key: a.key,
        name: a.name,
        environment: a.environment,
        timing: a.timing,
        gateNumber: a.gateNumber ?? null,
        position,
        translations: activityTranslations(a.key),
      })),
    );
  }
  await tx.insert(qualityRules).values(DEFAULT_QUALITY_RULES.map((rule, position) => ({ ...rule, position })));
  return true;
}

export type ScaleActivity = typeof qualityActivities.$inferSelect;
export type ScaleLevel = typeof qualityStandards.$inferSelect & { activities: ScaleActivity[] };

/** The whole scale, lowest level first, each with its required activities in order. */
export async function loadScale(db: DbOrTx): Promise<ScaleLevel[]> {
  const standards = await db.select().from(qualityStandards).orderBy(asc(qualityStandards.rank));
  const activities = await db
    .select()
    .from(qualityActivities)
    .orderBy(asc(qualityActivities.position), asc(qualityActivities.name));
  return standards.map((s) => ({ ...s, activities: activities.filter((a) => a.standardId === s.id) }));
}

export async function loadRules(db: DbOrTx): Promise<(typeof qualityRules.$inferSelect)[]> {
  return await db.select().from(qualityRules).orderBy(asc(qualityRules.position), asc(qualityRules.question));
}

/** The levels the selection rules rank; with a reader, each name in the reader's language. */
export const toLevels = (scale: ScaleLevel[], reader?: Locale): QualityLevel[] =>
  scale.map((l) => ({
    level: l.level,
    rank: l.rank,
    name: reader ? levelTexts(l, reader).name : l.name,
    minPoints: l.minPoints,
  }));
export const toRules = (rules: (typeof qualityRules.$inferSelect)[]): QualityRule[] =>
  rules.map(({ question, matchValue, points, reason }) => ({ question, matchValue, points, reason }));

const ADMINS_ONLY = "Only administrators edit the quality scale.";

/** The scale is written in English first; the other languages are translations beside it. */
export const SCALE_LANGUAGE = SOURCE_LANGUAGE;

// The audit names the languages a record is translated into by code, never the translated texts:
// the trail reads the same to everyone (issue 14 point 3).
const translated = (row: { translations: object }) => ({ translated: Object.keys(row.translations).sort() });
const neutral = <T extends { translations: object }>({ translations, ...row }: T) => ({
  ...row,
  ...translated({ translations }),
});

export async function updateLevel(db: Db, ctx: RequestContext, input: z.infer<typeof levelEditSchema>) {
  return await adminCommand(
    db,
    ctx,
    async ({ tx, audit }) => {
      const before = await first(tx.select().from(qualityStandards).where(eq(qualityStandards.id, input.standardId)));
      if (!before) throw notFound("This quality level");
      const after = await one(
        tx
          .update(qualityStandards)
          .set({
            name: input.name,
            purpose: input.purpose,
            translations: cleanTranslations(input.translations, ["name", "purpose"], SCALE_LANGUAGE),
            minPoints: input.minPoints,
            updatedAt: new Date().toISOString(),
          })
          .where(eq(qualityStandards.id, before.id))
          .returning(),
      );
      audit({
        action: "quality.level.update",
        objectType: "quality_standard",
        objectId: before.id,
        before: { name: before.name, purpose: before.purpose, minPoints: before.minPoints, ...translated(before) },
        after: { name: after.name, purpose: after.purpose, minPoints: after.minPoints, ...translated(after) },
      });
      return after;
    },
    ADMINS_ONLY,
  );
}

/** Adds an activity to a level, or edits one (activityId given). Keys are unique per level. */
export async function saveActivity(db: Db, ctx: RequestContext, input: z.infer<typeof activityEditSchema>) {
  return await adminCommand(
    db,
    ctx,
    async ({ tx, audit }) => {
      const standard = await first(tx.select().from(qualityStandards).where(eq(qualityStandards.id, input.standardId)));
      if (!standard) throw notFound("This quality level");
      const clash = await first(
        tx
          .select({ id: qualityActivities.id })
          .from(qualityActivities)
          .where(
            and(
              eq(qualityActivities.standardId, standard.id),
              eq(qualityActivities.key, input.key),
              input.activityId ? ne(qualityActivities.id, input.activityId) : undefined,
            ),
          ),
      );
      if (clash) {
        throw new AppError(
          "invalid_input",
          "Some fields are invalid.",
          "duplicate_activity_key",
          {
            fieldErrors: { key: [`${standard.level} already has an activity with this key.`] },
          },
          { problem: "invalidFields", params: { level: standard.level }, fields: { key: "activityKeyTaken" } },
        );
      }
      const values = {
        key: input.key,
        name: input.name,
        environment: input.environment,
        timing: input.timing,
        gateNumber: input.timing === "before_gate" ? input.gateNumber : null,
        translations: cleanTranslations(input.translations, ["name"], SCALE_LANGUAGE),
      };
      if (input.activityId) {
        const before = await first(
          tx
            .select()
            .from(qualityActivities)
            .where(and(eq(qualityActivities.id, input.activityId), eq(qualityActivities.standardId, standard.id))),
        );
        if (!before) throw notFound("This activity");
        const after = await one(
          tx.update(qualityActivities).set(values).where(eq(qualityActivities.id, before.id)).returning(),
        );
        audit({
          action: "quality.activity.update",
          objectType: "quality_activity",
          objectId: before.id,
          before: neutral(before),
          after: neutral(after),
        });
        return after;
      }
      const position = (
        await tx
          .select({ id: qualityActivities.id })
          .from(qualityActivities)
          .where(eq(qualityActivities.standardId, standard.id))
      ).length;
      const created = await one(
        tx
          .insert(qualityActivities)
          .values({ ...values, standardId: standard.id, position })
          .returning(),
      );
      audit({
        action: "quality.activity.add",
        objectType: "quality_activity",
        objectId: created.id,
        after: { ...neutral(created), level: standard.level },
      });
      return created;
    },
    ADMINS_ONLY,
  );
}

export async function removeActivity(db: Db, ctx: RequestContext, activityId: string) {
  return await adminCommand(
    db,
    ctx,
    async ({ tx, audit }) => {
      const before = await first(tx.select().from(qualityActivities).where(eq(qualityActivities.id, activityId)));
      if (!before) throw notFound("This activity");
      // Selections already made keep their frozen copy of the activities, so removal is safe.
      await tx.delete(qualityActivities).where(eq(qualityActivities.id, before.id));
      audit({
        action: "quality.activity.remove",
        objectType: "quality_activity",
        objectId: before.id,
        before: neutral(before),
      });
    },
    ADMINS_ONLY,
  );
}

export async function saveRule(db: Db, ctx: RequestContext, input: z.infer<typeof ruleEditSchema>) {
  return await adminCommand(
    db,
    ctx,
    async ({ tx, audit }) => {
      const values = {
        question: input.question,
        matchValue: input.matchValue.replace(/\s+/g, ""),
        points: input.points,
        reason: input.reason,
      };
      if (input.ruleId) {
        const before = await first(tx.select().from(qualityRules).where(eq(qualityRules.id, input.ruleId)));
        if (!before) throw notFound("This rule");
        const after = await one(tx.update(qualityRules).set(values).where(eq(qualityRules.id, before.id)).returning());
        audit({ action: "quality.rule.update", objectType: "quality_rule", objectId: before.id, before, after });
        return after;
      }
      const position = (await tx.select({ id: qualityRules.id }).from(qualityRules)).length;
      const created = await one(
        tx
          .insert(qualityRules)
          .values({ ...values, position })
          .returning(),
      );
      audit({ action: "quality.rule.add", objectType: "quality_rule", objectId: created.id, after: created });
      return created;
    },
    ADMINS_ONLY,
  );
}

export async function removeRule(db: Db, ctx: RequestContext, ruleId: string) {
  return await adminCommand(
    db,
    ctx,
    async ({ tx, audit }) => {
      const before = await first(tx.select().from(qualityRules).where(eq(qualityRules.id, ruleId)));
      if (!before) throw notFound("This rule");
      await tx.delete(qualityRules).where(eq(qualityRules.id, before.id));
      audit({ action: "quality.rule.remove", objectType: "quality_rule", objectId: before.id, before });
    },
    ADMINS_ONLY,
  );
}
