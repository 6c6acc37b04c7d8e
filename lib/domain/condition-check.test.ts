import { describe, expect, it } from "vitest";
import { z } from "zod";
import { conditionSchema } from "@/lib/validation/gates";
import { conditionErrors, type ConditionInput } from "./condition-check";

const OWNER = "0b6f4a52-8d3c-4d0e-9a51-7c2b1e3f4a5d";
const valid: ConditionInput = { text: "Sign the data processing agreement", ownerId: OWNER, dueDate: "2026-12-01" };

const cases: [string, ConditionInput][] = [
  ["a valid condition", valid],
  ["blank text", { ...valid, text: "   " }],
  ["text of 500 characters", { ...valid, text: "x".repeat(500) }],
  ["text of 501 characters", { ...valid, text: "x".repeat(501) }],
  ["no owner", { ...valid, ownerId: "" }],
  ["an owner that is not an id", { ...valid, ownerId: "someone" }],
  ["no due date", { ...valid, dueDate: "" }],
  ["a due date in another format", { ...valid, dueDate: "01/12/2026" }],
  ["a date that does not exist", { ...valid, dueDate: "2026-02-30" }],
  ["a leap day", { ...valid, dueDate: "2028-02-29" }],
  ["everything missing", { text: "", ownerId: "", dueDate: "" }],
];

describe("conditionErrors agrees with the server's conditionSchema", () => {
  it.each(cases)("%s", (_label, input) => {
    const parsed = conditionSchema.safeParse(input);
    const expected = parsed.success ? undefined : z.flattenError(parsed.error).fieldErrors;
    expect(conditionErrors(input)).toEqual(expected);
  });
});
