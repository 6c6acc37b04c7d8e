"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createUser, resetUserPassword, setUserDisabled } from "@/lib/data/accounts";
import { action, formAction } from "@/lib/guard";
import { createUserSchema, resetPasswordSchema, setDisabledSchema } from "@/lib/validation/accounts";

export const createUserAction = formAction(createUserSchema, async (ctx, input) => {
  await createUser(getDb(), ctx, input);
  revalidatePath("/admin/users");
});

export const setDisabledAction = action(setDisabledSchema, (ctx, input) => {
  setUserDisabled(getDb(), ctx, input.userId, input.disabled);
  revalidatePath("/admin/users");
});

export const resetPasswordAction = formAction(resetPasswordSchema, async (ctx, input) => {
  await resetUserPassword(getDb(), ctx, input.userId, input.password);
});
