import { describe, expect, it } from "vitest";
import { SIX_STEP_POLICY_GATES } from "@/lib/domain/six-step-policy";
import { gateNumber } from "@/lib/validation/gates";
import { publishPolicySchema } from "@/lib/validation/policies";

const input = (gates: unknown[]) => ({
  policyId: "4f1c2b8e-8a52-4b7e-9d3a-2b8c0f6e1a11",
  basedOnVersion: 1,
  note: "",
  gates,
});
const six = () => JSON.parse(JSON.stringify(SIX_STEP_POLICY_GATES));
const firstError = (value: unknown) => {
  const result = publishPolicySchema.safeParse(value);
  return result.success
    ? null
    : { path: result.error.issues[0].path.join("."), message: result.error.issues[0].message };
};

describe("publishPolicySchema", () => {
  it("accepts the six-step policy with its approver roles, schedules and go-live flags", () => {
    const parsed = publishPolicySchema.parse(input(six()));
    expect(parsed.gates[1].artifactTypes[0].approverRoles).toEqual(["client_owner"]);
    expect(parsed.gates[0]).toMatchObject({ schedule: { anchor: "start", days: 14 }, requiredBeforeGoLive: true });
    expect(
      publishPolicySchema.parse(input(six().map((g: object) => ({ ...g, schedule: null })))).gates[0].schedule,
    ).toBeNull();
  });

  it.each([
    ["thirteen gates", input(Array.from({ length: 13 }, () => six()[0])), "gates", /at most 12 gates/],
    [
      "an unknown anchor",
      input(
        six().map((g: { number: number }) => (g.number === 6 ? { ...g, schedule: { anchor: "kickoff", days: 3 } } : g)),
      ),
      "gates.0.schedule.anchor",
      /./,
    ],
    [
      "fractional days",
      input(
        six().map((g: { number: number }) => (g.number === 6 ? { ...g, schedule: { anchor: "start", days: 2.5 } } : g)),
      ),
      "gates.0.schedule.days",
      /whole number of days/,
    ],
    [
      "an unknown approver role",
      input(
        six().map((g: { number: number; artifactTypes: object[] }) =>
          g.number === 5 ? { ...g, artifactTypes: [{ ...g.artifactTypes[0], approverRoles: ["cfo"] }] } : g,
        ),
      ),
      "gates.1.artifactTypes.0.approverRoles.0",
      /./,
    ],
    [
      "a non-boolean go-live flag",
      input(six().map((g: { number: number }) => (g.number === 2 ? { ...g, requiredBeforeGoLive: "yes" } : g))),
      "gates.4.requiredBeforeGoLive",
      /./,
    ],
  ])("refuses %s at its field", (_label, value, path, message) => {
    const error = firstError(value);
    expect(error?.path).toBe(path);
    expect(error?.message).toMatch(message);
  });
});

describe("gateNumber", () => {
  it.each([
    ["1", true],
    ["6", true],
    ["12", true],
    ["0", false],
    ["13", false],
    ["2.5", false],
  ])("%s → valid %s", (raw, ok) => {
    expect(gateNumber.safeParse(raw).success).toBe(ok);
  });
});
