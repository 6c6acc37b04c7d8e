// Per-request Content-Security-Policy with a nonce, and a cheap redirect to the sign-in page
// when there is no session cookie at all. No database here: the real session check happens in
// the (app) layout, every data function and every API route.
import { NextResponse, type NextRequest } from "next/server";
import { HSTS_VALUE, servedOverHttps } from "@/lib/https";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// The invitation page is how a person without a password gets in; it names nobody unless the link is usable.
// So are "forgot password", its one-time link and an email's unsubscribe page: the link is the credential.
const PUBLIC_PATHS = ["/sign-in", "/invitation/", "/forgot-password", "/reset-password/", "/unsubscribe"];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts and diagrams set inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn && !PUBLIC_PATHS.some((p) => pathname.startsWith(p))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  // Behind HTTPS, browsers must never fall back to plain HTTP for this host (the API and downloads
  // get it from next.config.js when the proxy says https; the host-wide rule covers them anyway).
  if (servedOverHttps(request.headers)) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
