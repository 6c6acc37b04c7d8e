// A person's calendar feed, read by calendar apps without a session: the secret token in the URL
// is the credential. Wrong or revoked tokens get a bare 404 that says nothing about why.
import { getDb } from "@/db/client";
import { calendarFeedIcs } from "@/lib/data/calendar-feed";
import { requestOrigin } from "@/lib/https";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ics = await calendarFeedIcs(getDb(), token.replace(/\.ics$/, ""), requestOrigin(request.headers));
  if (ics === null) {
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
