import { describe, expect, it } from "vitest";
import { z } from "zod";
import { recordScenarioResultInput } from "@/lib/contract/validation-runs";

const ids = {
  projectId: "4f1c2b8e-8a52-4b7e-9d3a-2b8c0f6e1a11",
  runId: "5f1c2b8e-8a52-4b7e-9d3a-2b8c0f6e1a11",
  scenarioId: "6f1c2b8e-8a52-4b7e-9d3a-2b8c0f6e1a11",
};

describe("recording a scenario's result", () => {
  it.each([
    [{}, { result: ["Choose pass or fail."] }],
    [{ result: "" }, { result: ["Choose pass or fail."] }],
    [{ result: "maybe" }, { result: ["Choose pass or fail."] }],
    [{ result: "pass" }, {}],
    [{ result: "fail", notes: "Bill shows the wrong tariff" }, {}],
  ])("%j → %j", (value, expected) => {
    const parsed = recordScenarioResultInput.safeParse({ ...ids, ...value });
    expect(parsed.success ? {} : z.flattenError(parsed.error).fieldErrors).toEqual(expected);
  });
});
