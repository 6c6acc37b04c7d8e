// Whether this request reached us over HTTPS: the public URL says so (LIGHTGATE_PUBLIC_URL), or the
// TLS-terminating proxy in front does (X-Forwarded-Proto). Behind HTTPS the app adds HSTS and marks
// its cookies Secure; over plain HTTP (a laptop demo, the tests) it must not, or nothing would work.

/** Two years, subdomains included: what hstspreload.org asks for. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

export function publicUrlIsHttps(publicUrl = process.env.LIGHTGATE_PUBLIC_URL): boolean {
  return /^https:\/\//i.test(publicUrl?.trim() ?? "");
}

/** The first hop's protocol: a chain of proxies appends theirs after the client's. */
export function forwardedProto(value: string | null | undefined): string | null {
  const first = value?.split(",")[0]?.trim().toLowerCase();
  return first || null;
}

export function servedOverHttps(
  headers: { get(name: string): string | null },
  publicUrl = process.env.LIGHTGATE_PUBLIC_URL,
): boolean {
  return publicUrlIsHttps(publicUrl) || forwardedProto(headers.get("x-forwarded-proto")) === "https";
}

/** The address people reach this server at: LIGHTGATE_PUBLIC_URL, else what the proxy or the request says. */
export function requestOrigin(
  headers: { get(name: string): string | null },
  publicUrl = process.env.LIGHTGATE_PUBLIC_URL,
): string {
  const configured = publicUrl?.trim();
  if (configured) return new URL(configured).origin;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost";
  return `${forwardedProto(headers.get("x-forwarded-proto")) === "https" ? "https" : "http"}://${host}`;
}
