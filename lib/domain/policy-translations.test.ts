import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_GATES } from "./default-policy";
import { expandedDefaultLevels } from "./default-quality-scale";
import {
  activityTranslations,
  levelTranslations,
  translatedLightGating,
  translatedSixStep,
} from "./policy-translations";
import { SIX_STEP_POLICY_GATES } from "./six-step-policy";

// Every seeded text ships in Spanish and Polish: a missing one would show English to every reader.
describe("the seeded templates in Spanish and Polish", () => {
  it.each([
    { policy: "light-gating", gates: translatedLightGating(DEFAULT_POLICY_GATES), source: DEFAULT_POLICY_GATES },
    { policy: "six-step", gates: translatedSixStep(SIX_STEP_POLICY_GATES), source: SIX_STEP_POLICY_GATES },
  ])("translates every gate name, objective and artifact title of the $policy policy", ({ gates, source }) => {
    for (const [g, gate] of gates.entries()) {
      for (const language of ["es", "pl"] as const) {
        expect(gate.translations?.[language]?.name, `${gate.number} ${language}`).toBeTruthy();
        expect(gate.translations?.[language]?.objectives, `${gate.number} ${language}`).toBeTruthy();
        for (const artifact of gate.artifactTypes) {
          expect(artifact.translations?.[language]?.title, `${artifact.key} ${language}`).toBeTruthy();
          expect(artifact.translations?.[language]?.title).not.toBe(artifact.title);
        }
      }
      // The English source is untouched.
      expect({ ...gate, translations: undefined, artifactTypes: source[g].artifactTypes }).toEqual({
        ...source[g],
        translations: undefined,
      });
    }
  });

  it("translates every quality level and activity of the default scale", () => {
    for (const level of expandedDefaultLevels()) {
      for (const language of ["es", "pl"] as const) {
        expect(levelTranslations(level.level)[language]?.name, level.level).toBeTruthy();
        expect(levelTranslations(level.level)[language]?.purpose, level.level).toBeTruthy();
        for (const activity of level.activities) {
          expect(activityTranslations(activity.key)[language]?.name, activity.key).toBeTruthy();
        }
      }
    }
  });
});
