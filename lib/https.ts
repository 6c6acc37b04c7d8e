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
