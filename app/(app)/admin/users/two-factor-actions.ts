"use server";

// An administrator's reset of a person's two-factor sign-in, and the policy of who must use it.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { resetTwoFactor, setTwoFactorPolicy } from "@/lib/data/two-factor";
import { TWO_FACTOR_POLICIES } from "@/lib/domain/two-factor-policy";
import { action } from "@/lib/guard";
import { uuid } from "@/lib/validation/common";

export const resetTwoFactorAction = action(z.object({ userId: uuid }), async (ctx, input) => {
  await resetTwoFactor(getDb(), ctx, input.userId);
  revalidatePath("/admin/users");
});

export const setTwoFactorPolicyAction = action(z.object({ rule: z.enum(TWO_FACTOR_POLICIES) }), async (ctx, input) => {
  await setTwoFactorPolicy(getDb(), ctx, input.rule);
  revalidatePath("/admin/users");
});
