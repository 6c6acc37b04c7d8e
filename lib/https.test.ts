import { describe, expect, it } from "vitest";
import { forwardedProto, requestOrigin, servedOverHttps } from "@/lib/https";

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

describe("requestOrigin", () => {
  const cases: { name: string; publicUrl?: string; headers: Record<string, string>; expected: string }[] = [
    {
      name: "the public URL wins",
      publicUrl: "https://lg.example.com/x",
      headers: { host: "10.0.0.5:3000" },
      expected: "https://lg.example.com",
    },
    { name: "the Host header over plain HTTP", headers: { host: "localhost:3000" }, expected: "http://localhost:3000" },
    {
      name: "behind a proxy: its host and protocol",
      headers: { host: "10.0.0.5:3000", "x-forwarded-host": "lg.example.com", "x-forwarded-proto": "https" },
      expected: "https://lg.example.com",
    },
  ];
  it.each(cases)("$name", ({ publicUrl, headers, expected }) => {
    expect(requestOrigin(new Headers(headers), publicUrl ?? "")).toBe(expected);
  });
});
