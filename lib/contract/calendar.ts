// The signed-in person's calendar feed: its secret address, and revoking it.
import { z } from "zod";
import { operation } from "./operation";

export const calendarFeedAnswer = z
  .object({
    url: z
      .string()
      .url()
      .describe(
        "The person's iCalendar feed (RFC 5545): gate dates they manage or review, sprint reviews, " +
          "training sessions they give or attend, validation runs and go-live dates. Secret: anyone with " +
          "it can read the feed; it answers 404 once revoked.",
      ),
  })
  .meta({ id: "CalendarFeed" });

export const getCalendarFeedOp = operation({
  id: "getCalendarFeed",
  method: "get",
  path: "/api/v1/me/calendar",
  tag: "Calendar",
  summary: "The signed-in person's calendar feed address, made on first use.",
  success: { status: 200, description: "The feed's address", schema: calendarFeedAnswer },
});

export const revokeCalendarFeedOp = operation({
  id: "revokeCalendarFeed",
  method: "delete",
  path: "/api/v1/me/calendar",
  tag: "Calendar",
  summary: "Revokes the feed address: it answers 404 from now on, and the next GET makes a new one.",
  success: { status: 204, description: "Revoked (or there was none)" },
});

export const calendarOperations = [getCalendarFeedOp, revokeCalendarFeedOp];
