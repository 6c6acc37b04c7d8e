"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { revokeOtherSessions, revokeOwnSession } from "@/lib/data/sessions";
import { action } from "@/lib/guard";
import { currentAccount } from "@/lib/session";
import { uuid } from "@/lib/validation/common";

export const revokeSessionAction = action(z.object({ sessionId: uuid }), async (ctx, input) => {
  await revokeOwnSession(getDb(), ctx, input.sessionId);
  revalidatePath("/settings");
});

/** Every session but this browser's ends; says how many did. */
export const revokeOtherSessionsAction = action(z.object({}), async (ctx) => {
  const current = await currentAccount();
  const ended = await revokeOtherSessions(getDb(), ctx, current?.sessionId ?? null);
  revalidatePath("/settings");
  return ended;
});
