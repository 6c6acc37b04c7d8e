"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { publishPolicyVersion } from "@/lib/data/policies";
import { action } from "@/lib/guard";
import { publishPolicySchema } from "@/lib/validation/policies";

export const publishPolicyAction = action(publishPolicySchema, async (ctx, input) => {
  const published = await publishPolicyVersion(getDb(), ctx, input);
  revalidatePath("/admin/policies", "layout");
  return { id: published.id, version: published.version, changes: published.changes };
});
