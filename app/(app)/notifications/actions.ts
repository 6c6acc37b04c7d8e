"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { markNotificationsRead } from "@/lib/data/notifications";
import { action } from "@/lib/guard";

export const markAllReadAction = action(z.object({}), async (ctx) => {
  await markNotificationsRead(getDb(), ctx.actor);
  revalidatePath("/", "layout");
});
