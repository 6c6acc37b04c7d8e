// The List-Unsubscribe address of every notification email (RFC 8058). A mail client's one-click
// button POSTs here ("List-Unsubscribe=One-Click") and the kind is turned off at once; a GET (a
// person or a link scanner following the link) only shows the confirmation page, and changes nothing.
import { type NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { unsubscribe } from "@/lib/data/email-preferences";
import { clientIp, userAgent } from "@/lib/request";

export async function POST(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const done = await unsubscribe(getDb(), token, {
    ip: clientIp(request.headers),
    userAgent: userAgent(request.headers),
  });
  if (!done) return new NextResponse("This unsubscribe link is not valid.\n", { status: 404 });
  return new NextResponse(`Unsubscribed from "${done.kind}" emails.\n`, {
    status: 200,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export function GET(request: NextRequest) {
  const page = new URL("/unsubscribe", request.nextUrl);
  page.searchParams.set("token", request.nextUrl.searchParams.get("token") ?? "");
  return NextResponse.redirect(page, 303);
}
