"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { calendarFeedUrl, revokeCalendarFeed } from "@/lib/data/calendar-feed";
import { action } from "@/lib/guard";
import { requestOrigin } from "@/lib/https";

export const createCalendarFeedAction = action(z.object({}), async (ctx) => {
  const url = await calendarFeedUrl(getDb(), ctx, requestOrigin(await headers()));
  revalidatePath("/settings");
  return url;
});

/** A new address; the old one answers 404 from now on. */
export const resetCalendarFeedAction = action(z.object({}), async (ctx) => {
  await revokeCalendarFeed(getDb(), ctx);
  const url = await calendarFeedUrl(getDb(), ctx, requestOrigin(await headers()));
  revalidatePath("/settings");
  return url;
});
