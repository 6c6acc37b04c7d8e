"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { removeActivity, removeRule, saveActivity, saveRule, updateLevel } from "@/lib/data/quality-scale";
import { action, formAction } from "@/lib/guard";
import {
  activityEditSchema,
  activityRemoveSchema,
  levelEditSchema,
  ruleEditSchema,
  ruleRemoveSchema,
} from "@/lib/validation/quality";

const refresh = () => revalidatePath("/admin/quality");

export const updateLevelAction = formAction(levelEditSchema, async (ctx, input) => {
  await updateLevel(getDb(), ctx, input);
  refresh();
});

export const saveActivityAction = formAction(activityEditSchema, async (ctx, input) => {
  await saveActivity(getDb(), ctx, input);
  refresh();
});

export const removeActivityAction = action(activityRemoveSchema, async (ctx, input) => {
  await removeActivity(getDb(), ctx, input.activityId);
  refresh();
});

export const saveRuleAction = formAction(ruleEditSchema, async (ctx, input) => {
  await saveRule(getDb(), ctx, input);
  refresh();
});

export const removeRuleAction = action(ruleRemoveSchema, async (ctx, input) => {
  await removeRule(getDb(), ctx, input.ruleId);
  refresh();
});
