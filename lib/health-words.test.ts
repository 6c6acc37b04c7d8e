import { describe, expect, it } from "vitest";
import { assessHealth, type HealthFacts } from "@/lib/domain/health";
import { formatFor } from "@/lib/i18n/format";
import { healthReasonWords } from "./health-words";

const TODAY = "2026-12-01";
const calm: HealthFacts = {
  status: "active",
  targetGoLiveDate: "2027-03-01",
  currentGate: { number: 4, name: "Build", status: "pending", plannedDate: "2026-12-20" },
  changesRequestedArtifacts: 0,
  failedQualityActivities: 0,
  openBlockingEscalations: 0,
  overdueConditions: 0,
  forecastGoLive: null,
};

// Every reason the rules give, once with one of a thing and once with several.
const CASES: [string, Partial<HealthFacts>][] = [
  ["one blocking escalation", { openBlockingEscalations: 1 }],
  ["blocking escalations", { openBlockingEscalations: 3 }],
  ["on hold", { status: "on_hold" }],
  ["a gate a day late", { currentGate: { number: 4, name: "Build", status: "pending", plannedDate: "2026-11-30" } }],
  ["a gate weeks late", { currentGate: { number: 4, name: "Build", status: "pending", plannedDate: "2026-11-01" } }],
  ["changes requested", { changesRequestedArtifacts: 2 }],
  ["a failed activity", { failedQualityActivities: 1 }],
  ["failed activities", { failedQualityActivities: 5 }],
  ["conditions overdue", { overdueConditions: 22 }],
  ["a slipping forecast", { forecastGoLive: "2027-03-15" }],
];

describe("health reasons in the reader's words", () => {
  it.each(CASES)("%s: English is the rule's own sentence", async (_, facts) => {
    const say = await healthReasonWords(formatFor("en", "UTC"));
    const { reasons } = assessHealth({ ...calm, ...facts }, TODAY);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      // The rule writes ISO dates; the page writes them as the reader reads dates.
      const english = reason.text.replace(/\d{4}-\d{2}-\d{2}/g, (d) => formatFor("en", "UTC").date(d));
      expect(say(reason)).toBe(english);
    }
  });

  it.each(CASES)("%s: Spanish and Polish say it in their own words", async (_, facts) => {
    const { reasons } = assessHealth({ ...calm, ...facts }, TODAY);
    for (const locale of ["es", "pl"] as const) {
      const say = await healthReasonWords(formatFor(locale, "UTC"));
      for (const reason of reasons) {
        const sentence = say(reason);
        expect(sentence).not.toBe(reason.text);
        expect(sentence).not.toMatch(/[{}]|undefined|NaN/);
      }
    }
  });

  it.each([
    [1, "1 otwarta eskalacja blokująca"],
    [3, "3 otwarte eskalacje blokujące"],
    [5, "5 otwartych eskalacji blokujących"],
    [22, "22 otwarte eskalacje blokujące"],
  ])("Polish counts %i escalations with its plural forms", async (count, expected) => {
    const say = await healthReasonWords(formatFor("pl", "UTC"));
    const [reason] = assessHealth({ ...calm, openBlockingEscalations: count }, TODAY).reasons;
    expect(say(reason!)).toBe(expected);
  });

  it("keeps the English text of a reason cached before it carried its values", async () => {
    const say = await healthReasonWords(formatFor("es", "UTC"));
    expect(say({ severity: "amber", code: "on_hold", text: "Project is on hold" })).toBe("Project is on hold");
  });
});
