import { describe, expect, it } from "vitest";
import { z } from "zod";
import { conditionSchema, decisionSchema, voteSchema } from "./gates";

const errorsOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe("gate input rules", () => {
  it.each([
    [
      { text: "", ownerId: "", dueDate: "" },
      {
        text: ["The condition is required."],
        ownerId: ["Choose who owns this condition."],
        dueDate: ["Choose a due date."],
      },
    ],
    [
      { text: "Sign", ownerId: "not-a-uuid", dueDate: "2026-02-30" },
      { ownerId: ["Unknown item."], dueDate: ["This is not a real date."] },
    ],
    [{ text: "Sign", ownerId: "4f1c2b8e-8a52-4b7e-9d3a-2b8c0f6e1a11", dueDate: "2026-12-01" }, {}],
  ])("condition %j", (value, expected) => {
    expect(errorsOf(conditionSchema, value)).toEqual(expected);
  });

  it("votes need a known value and a rationale", () => {
    expect(Object.keys(errorsOf(voteSchema, { vote: "maybe", rationale: " " })).sort()).toEqual(["rationale", "vote"]);
  });

  it("a decision defaults to no conditions", () => {
    expect(decisionSchema.parse({ decision: "go", rationale: "ok" }).conditions).toEqual([]);
  });
});
