"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { removeActivity, removeRule, saveActivity, saveRule, updateLevel } from "@/lib/data/quality-scale";
import { action, formAction } from "@/lib/guard";
import { activityEditSchema, activityRemoveSchema, levelEditSchema, ruleEditSchema, ruleRemoveSchema } from "@/lib/validation/quality";

const refresh = () => revalidatePath("/admin/quality");

export const updateLevelAction = formAction(levelEditSchema, (ctx, input) => {
  updateLevel(getDb(), ctx, input);
  refresh();
});

export const saveActivityAction = formAction(activityEditSchema, (ctx, input) => {
  saveActivity(getDb(), ctx, input);
  refresh();
});

export const removeActivityAction = action(activityRemoveSchema, (ctx, input) => {
  removeActivity(getDb(), ctx, input.activityId);
  refresh();
});

export const saveRuleAction = formAction(ruleEditSchema, (ctx, input) => {
  saveRule(getDb(), ctx, input);
  refresh();
});

export const removeRuleAction = action(ruleRemoveSchema, (ctx, input) => {
  removeRule(getDb(), ctx, input.ruleId);
  refresh();
});
