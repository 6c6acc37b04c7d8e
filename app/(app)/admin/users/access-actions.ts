"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { revokeUserAccess } from "@/lib/data/sessions";
import { action } from "@/lib/guard";
import { accountIdSchema } from "@/lib/validation/accounts";

/** An administrator ends every session and revokes every API token of an account; says how many of each. */
export const revokeUserAccessAction = action(accountIdSchema, async (ctx, input) => {
  const revoked = await revokeUserAccess(getDb(), ctx, input.userId);
  revalidatePath("/admin/users");
  return revoked;
});
