import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getCalendarFeedOp, revokeCalendarFeedOp } from "@/lib/contract/calendar";
import { calendarFeedUrl, revokeCalendarFeed } from "@/lib/data/calendar-feed";
import { requestOrigin } from "@/lib/https";

export const GET = route(getCalendarFeedOp, async ({ request, ctx }) => ({
  url: await calendarFeedUrl(getDb(), ctx, requestOrigin(request.headers)),
}));

export const DELETE = route(revokeCalendarFeedOp, async ({ ctx }) => {
  await revokeCalendarFeed(getDb(), ctx);
  return new Response(null, { status: 204 });
});
