import { describe, expect, it } from "vitest";
import { chooseLocale, localeFromAcceptLanguage } from "./locale";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["es", "es"],
    ["pl", "pl"],
    ["en", "en"],
    ["es-MX", "es"],
    ["pl-PL", "pl"],
    ["PL-pl", "pl"],
    ["en-US,en;q=0.9", "en"],
    ["de", undefined],
    ["de-DE,de;q=0.9", undefined],
    ["de-DE,de;q=0.9,pl;q=0.8,en;q=0.7", "pl"],
    ["en;q=0.5,es;q=0.8", "es"],
    ["es;q=0.3, pl;q=0.9, en;q=0.6", "pl"],
    ["pl;q=0.7,es;q=0.7", "pl"],
    ["fr-CA, es-419;q=0.8", "es"],
    ["es;q=0, pl;q=0.1", "pl"],
    ["es;q=abc, pl;q=0.2", "pl"],
    ["es;q=7", undefined],
    ["*", undefined],
    ["", undefined],
    [null, undefined],
    [undefined, undefined],
    ["%%%garbage<script>", undefined],
    [";;;,,,q=1", undefined],
  ])("%j → %j", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("chooseLocale", () => {
  it.each([
    // cookie, Accept-Language, chosen
    ["pl", "es", "pl"],
    ["es", null, "es"],
    ["en", "pl-PL", "en"],
    [undefined, "es-MX,es;q=0.9", "es"],
    [undefined, "pl-PL", "pl"],
    [undefined, "de", "en"],
    [undefined, undefined, "en"],
    ["de", "pl", "pl"],
    ["xx-garbage", "fr", "en"],
    ["", "es", "es"],
    ["ES", null, "en"],
    [null, "garbage;;q=", "en"],
  ])("cookie %j, header %j → %j", (cookie, header, expected) => {
    expect(chooseLocale(cookie, header)).toBe(expected);
  });
});
