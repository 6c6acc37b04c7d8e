"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { changeOwnPassword, signOutEverywhere } from "@/lib/data/accounts";
import { createApiToken, revokeApiToken } from "@/lib/data/tokens";
import { action, formAction } from "@/lib/guard";
import { changePasswordSchema, tokenNameSchema } from "@/lib/validation/accounts";
import { uuid } from "@/lib/validation/common";

const change = formAction(changePasswordSchema, (ctx, input) =>
  changeOwnPassword(getDb(), ctx, input.currentPassword, input.newPassword),
);

/** Changing the password ends every session, this one too: back to the sign-in page. */
export async function changePasswordAction(...args: Parameters<typeof change>) {
  const state = await change(...args);
  if (state.ok) redirect("/sign-in?reason=password-changed");
  return state;
}

export const createTokenAction = formAction(tokenNameSchema, async (ctx, input) => {
  const { token } = await createApiToken(getDb(), ctx, input.name);
  revalidatePath("/settings");
  return token;
});

export const revokeTokenAction = action(z.object({ tokenId: uuid }), async (ctx, input) => {
  await revokeApiToken(getDb(), ctx, input.tokenId);
  revalidatePath("/settings");
});

const everywhere = action(z.object({}), async (ctx) => await signOutEverywhere(getDb(), ctx));

export async function signOutEverywhereAction() {
  const state = await everywhere({});
  if (state.ok) redirect("/sign-in?reason=signed-out-everywhere");
  return state;
}
