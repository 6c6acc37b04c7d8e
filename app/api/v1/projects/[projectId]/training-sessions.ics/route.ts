import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { trainingCalendarOp } from "@/lib/contract/training";
import { trainingCalendarIcs } from "@/lib/data/training-calendar";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";

/** The project's training calendar as an RFC 5545 file (Outlook, Google Calendar…), in the reader's language. */
export const GET = route(trainingCalendarOp, async ({ request, ctx, params }) => {
  const ics = await trainingCalendarIcs(
    getDb(),
    ctx.actor,
    params.projectId,
    new URL(request.url).hostname,
    new Date(),
    localeOfRequest(request),
  );
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="training-calendar.ics"',
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
