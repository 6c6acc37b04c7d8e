import { describe, expect, it } from "vitest";
import { preferencesSchema } from "./preferences";

const schema = preferencesSchema({ unknownLocale: "Choose a language.", unknownTimeZone: "No such time zone." });

describe("the Settings form's language and time zone", () => {
  it.each([
    [
      { locale: "", timeZone: "" },
      { locale: null, timeZone: null, browserTimeZone: null },
    ],
    [
      { locale: "es", timeZone: "Europe/Madrid" },
      { locale: "es", timeZone: "Europe/Madrid", browserTimeZone: null },
    ],
    [
      { locale: "pl", timeZone: " europe/warsaw " },
      { locale: "pl", timeZone: "Europe/Warsaw", browserTimeZone: null },
    ],
    [
      { timeZone: "UTC", browserTimeZone: "America/Bogota" },
      { locale: null, timeZone: "UTC", browserTimeZone: "America/Bogota" },
    ],
    [
      { locale: "en", browserTimeZone: "Mars/Olympus" },
      { locale: "en", timeZone: null, browserTimeZone: null },
    ],
  ])("accepts %j", (input, expected) => {
    expect(schema.parse(input)).toEqual(expected);
  });

  it.each([
    [{ locale: "de", timeZone: "" }, "locale", "Choose a language."],
    [{ locale: "en", timeZone: "Europe/Atlantis" }, "timeZone", "No such time zone."],
    [{ locale: "en", timeZone: "x".repeat(65) }, "timeZone", "No such time zone."],
  ])("refuses %j on the field", (input, field, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([[field, message]]);
  });
});
