import { describe, expect, it } from "vitest";
import { forwardedProto, servedOverHttps } from "@/lib/https";

describe("servedOverHttps", () => {
  const cases: { name: string; publicUrl?: string; proto?: string; expected: boolean }[] = [
    { name: "plain HTTP, no public URL (a laptop demo, the tests)", expected: false },
    { name: "the public URL is https", publicUrl: "https://lightgate.example.com", expected: true },
    { name: "the public URL is http", publicUrl: "http://lightgate.internal:3000", expected: false },
    { name: "blank public URL counts as unset", publicUrl: "  ", expected: false },
    { name: "the proxy says https", proto: "https", expected: true },
    { name: "the proxy says HTTPS in capitals", proto: "HTTPS", expected: true },
    { name: "a chain of proxies: the client's hop counts", proto: "https, http", expected: true },
    { name: "a chain that started in plain HTTP", proto: "http, https", expected: false },
    { name: "the proxy says http", proto: "http", expected: false },
  ];
  it.each(cases)("$name", ({ publicUrl, proto, expected }) => {
    const headers = new Headers(proto ? { "x-forwarded-proto": proto } : {});
    expect(servedOverHttps(headers, publicUrl ?? "")).toBe(expected);
  });

  it("reads no protocol from an empty header", () => {
    expect(forwardedProto("")).toBeNull();
    expect(forwardedProto(undefined)).toBeNull();
  });
});
