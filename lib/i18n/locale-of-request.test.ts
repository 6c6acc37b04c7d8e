import { describe, expect, it } from "vitest";
import { localeOfRequest } from "./locale-of-request";

const request = (headers: Record<string, string>) => new Request("http://localhost/x.csv", { headers });

describe("localeOfRequest", () => {
  it.each([
    [{}, "en"],
    [{ "accept-language": "pl-PL,pl;q=0.9,en;q=0.5" }, "pl"],
    [{ "accept-language": "de-DE, es;q=0.4" }, "es"],
    [{ cookie: "a=1; lightgate-locale=es; b=2", "accept-language": "pl" }, "es"],
    [{ cookie: "lightgate-locale=xx", "accept-language": "pl" }, "pl"],
    [{ cookie: "lightgate-locale=%E0%A4%A", "accept-language": "garbage;;q=x" }, "en"],
  ] as const)("%j → %s", (headers, locale) => {
    expect(localeOfRequest(request(headers))).toBe(locale);
  });
});
