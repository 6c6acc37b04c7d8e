import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { trainingCalendarIcs } from "@/lib/data/training-calendar";

/** The project's training calendar as an RFC 5545 file, for Outlook, Google Calendar and co. */
export const GET = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const ics = await trainingCalendarIcs(getDb(), ctx.actor, projectId, new URL(request.url).hostname);
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="training-calendar.ics"',
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
