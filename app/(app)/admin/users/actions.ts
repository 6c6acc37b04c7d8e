"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { setUserDisabled } from "@/lib/data/accounts";
import { inviteAccount, renewInvitation, revokeAccountLinks, sendPasswordResetLink } from "@/lib/data/invitations";
import { action, formAction } from "@/lib/guard";
import { requestOrigin } from "@/lib/https";
import { accountIdSchema, inviteAccountSchema, setDisabledSchema } from "@/lib/validation/accounts";

// The link actions hand the one-time token back to the administrator's browser, which shows it
// once; it is never stored, and only emailed (sealed in the outbox) to the person it is for.

export const inviteAccountAction = formAction(inviteAccountSchema, async (ctx, input) => {
  const link = await inviteAccount(getDb(), ctx, input, new Date(), requestOrigin(await headers()));
  revalidatePath("/admin/users");
  return link;
});

export const renewInvitationAction = action(accountIdSchema, async (ctx, input) => {
  const link = await renewInvitation(getDb(), ctx, input.userId, new Date(), requestOrigin(await headers()));
  revalidatePath("/admin/users");
  return link;
});

export const sendPasswordResetLinkAction = action(accountIdSchema, async (ctx, input) => {
  const link = await sendPasswordResetLink(getDb(), ctx, input.userId);
  revalidatePath("/admin/users");
  return link;
});

export const revokeAccountLinksAction = action(accountIdSchema, async (ctx, input) => {
  await revokeAccountLinks(getDb(), ctx, input.userId);
  revalidatePath("/admin/users");
});

export const setDisabledAction = action(setDisabledSchema, async (ctx, input) => {
  await setUserDisabled(getDb(), ctx, input.userId, input.disabled);
  revalidatePath("/admin/users");
});
