"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { setPasswordSignIn } from "@/lib/data/single-sign-on-provisioning";
import { action } from "@/lib/guard";
import { singleSignOnSettings } from "@/lib/single-sign-on";
import { passwordSignInSchema } from "@/lib/validation/single-sign-on";

export const setPasswordSignInAction = action(passwordSignInSchema, async (ctx, input) => {
  await setPasswordSignIn(getDb(), ctx, input, singleSignOnSettings() !== null);
  revalidatePath("/admin/users");
});
