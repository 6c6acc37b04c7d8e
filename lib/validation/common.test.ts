import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateField, isoDate } from "./common";
import { createProjectSchema } from "./projects";
import { SprintPlanInput } from "@/lib/contract/sprints";

const errorsOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};
const messagesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("a required date", () => {
  it.each([
    ["", ["Enter a date."]],
    ["   ", ["Enter a date."]],
    [undefined, ["Enter a date."]],
    ["4.12.2026", ["Start date: use a date as YYYY-MM-DD."]],
    ["2026-02-30", ["Start date is not a real date."]],
    ["2026-12-04", []],
  ])("dateField(%j) says %j", (value, expected) => {
    expect(messagesOf(dateField("Start date"), value)).toEqual(expected);
  });

  it("the unlabelled date says one thing at a time too", () => {
    expect(messagesOf(isoDate, "")).toEqual(["Enter a date."]);
    expect(messagesOf(isoDate, "2026-13-01")).toEqual(["This is not a real date."]);
  });
});

const org = "4f1c2b8e-8a52-4b7e-9d3a-2b8c0f6e1a11";
const project = (dates: { startDate: string; targetGoLiveDate: string }) => ({
  organizationId: org,
  name: "Tariffs",
  modules: "",
  sizeClass: "standard",
  ...dates,
});

describe("date pairs: the order rule speaks only when both dates are set", () => {
  it.each([
    [
      { startDate: "", targetGoLiveDate: "" },
      { startDate: ["Enter a date."], targetGoLiveDate: ["Enter a date."] },
    ],
    [{ startDate: "2026-03-01", targetGoLiveDate: "" }, { targetGoLiveDate: ["Enter a date."] }],
    [{ startDate: "", targetGoLiveDate: "2026-03-01" }, { startDate: ["Enter a date."] }],
    [
      { startDate: "2026-03-01", targetGoLiveDate: "2026-02-01" },
      { targetGoLiveDate: ["The target go-live must be after the start date."] },
    ],
    [{ startDate: "2026-03-01", targetGoLiveDate: "2026-09-01" }, {}],
  ])("project %j", (dates, expected) => {
    expect(errorsOf(createProjectSchema, project(dates))).toEqual(expected);
  });

  it.each([
    [{ startDate: "", endDate: "2026-03-14" }, { startDate: ["Enter a date."] }],
    [
      { startDate: "2026-03-14", endDate: "2026-03-01" },
      { endDate: ["The end date must be on or after the start date."] },
    ],
    [{ startDate: "2026-03-01", endDate: "2026-03-31x" }, { endDate: ["End date: use a date as YYYY-MM-DD."] }],
  ])("sprint %j", (dates, expected) => {
    expect(errorsOf(SprintPlanInput, { goal: "Ship", capacityDays: 10, ...dates })).toEqual(expected);
  });
});
