// The go-live page words the checklist from each item's facts; in English it must say exactly
// what the workflow itself says (the API's label and detail), and in Spanish and Polish something
// else, complete, for every kind of snapshot.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { readinessChecklist, type ReadinessSnapshot } from "@/lib/domain/go-live";
import enGoLive from "@/messages/en/goLive.json";
import esGoLive from "@/messages/es/goLive.json";
import plGoLive from "@/messages/pl/goLive.json";
import { sayChecklistItem, type ChecklistTranslator } from "./go-live-checklist-words";

const translator = (locale: "en" | "es" | "pl", messages: typeof enGoLive) =>
  createTranslator({ locale, messages, namespace: "goLiveChecklist" }) as unknown as ChecklistTranslator;
const en = translator("en", enGoLive);
const others = [translator("es", esGoLive), translator("pl", plGoLive)];

const gates = (numbers: number[], status = "go", openConditions = 0) =>
  numbers.map((number) => ({ number, status, openConditions }));
const ready: ReadinessSnapshot = {
  latestHomologation: "passed",
  latestProduction: "passed",
  openRun: null,
  sites: [{ name: "Hamburg", certifiedGuardians: 1 }],
  openBlockingEscalations: 0,
  currentGate: 3,
  gates: [...gates([7, 6, 5, 4]), { number: 3, status: "pending", openConditions: 0 }],
};

const SNAPSHOTS: [string, ReadinessSnapshot][] = [
  ["everything in place", ready],
  ["no run closed, none open", { ...ready, latestHomologation: null, latestProduction: null }],
  ["runs failed", { ...ready, latestHomologation: "failed", latestProduction: "failed" }],
  ["a homologation run open after a failure", { ...ready, latestHomologation: "failed", openRun: "homologation" }],
  ["a production run open, none before", { ...ready, latestProduction: null, openRun: "production" }],
  ["no site", { ...ready, sites: [] }],
  [
    "two sites uncovered of three",
    {
      ...ready,
      sites: [
        { name: "Kiel", certifiedGuardians: 0 },
        { name: "Lübeck", certifiedGuardians: 0 },
        { name: "Hamburg", certifiedGuardians: 2 },
      ],
    },
  ],
  [
    "every one of three sites covered",
    { ...ready, sites: ["A", "B", "C"].map((name) => ({ name, certifiedGuardians: 1 })) },
  ],
  ["one blocking escalation", { ...ready, openBlockingEscalations: 1 }],
  ["five blocking escalations", { ...ready, openBlockingEscalations: 5 }],
  ["gates not passed", { ...ready, currentGate: 5, gates: [...gates([7, 6]), ...gates([5, 4], "pending")] }],
  ["one open condition", { ...ready, gates: [...gates([7, 6, 5]), ...gates([4], "conditional_go", 1)] }],
  [
    "a gate not passed and three open conditions",
    {
      ...ready,
      currentGate: 4,
      gates: [...gates([7, 6], "go"), ...gates([5], "conditional_go", 3), ...gates([4], "in_review")],
    },
  ],
  ["a single gate before go-live", { ...ready, gatesBeforeGoLive: [4] }],
  [
    "gates 7, 5 and 3 before go-live",
    { ...ready, currentGate: 2, gatesBeforeGoLive: [7, 5, 3], gates: gates([7, 6, 5, 4, 3]) },
  ],
  ["no gate before go-live", { ...ready, gatesBeforeGoLive: [] }],
];

describe("the go-live checklist in the reader's language", () => {
  it.each(SNAPSHOTS)("%s: English says exactly what the workflow says", (_, snapshot) => {
    for (const item of readinessChecklist(snapshot))
      expect(sayChecklistItem(en, item), item.key).toEqual({ label: item.label, detail: item.detail });
  });

  it.each(SNAPSHOTS)("%s: Spanish and Polish say it in their own words", (_, snapshot) => {
    for (const item of readinessChecklist(snapshot))
      for (const t of others) {
        const words = sayChecklistItem(t, item);
        expect(words.label, item.key).not.toBe(item.label);
        expect(words.detail.trim(), item.key).not.toBe("");
        expect(words.detail, item.key).not.toBe(item.detail);
      }
  });

  it.each([
    [1, "Wciąż otwarta jest 1 eskalacja blokująca."],
    [3, "Wciąż otwarte są 3 eskalacje blokujące."],
    [5, "Wciąż otwartych jest 5 eskalacji blokujących."],
    [22, "Wciąż otwarte są 22 eskalacje blokujące."],
  ])("Polish plural of %d blocking escalations", (count, expected) => {
    const item = readinessChecklist({ ...ready, openBlockingEscalations: count }).find(
      (c) => c.key === "no_blocking_escalations",
    )!;
    expect(sayChecklistItem(others[1], item).detail).toBe(expected);
  });
});
