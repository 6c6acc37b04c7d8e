import { describe, expect, it } from "vitest";
import { mayTurnOff, mustEnrol, mustUseTwoFactor } from "./two-factor-policy";

describe("who must use two-factor sign-in", () => {
  it.each([
    ["optional", "admin", false],
    ["optional", "staff", false],
    ["optional", "client", false],
    ["required_for_staff", "admin", true],
    ["required_for_staff", "staff", true],
    ["required_for_staff", "client", false],
    ["required_for_everyone", "admin", true],
    ["required_for_everyone", "staff", true],
    ["required_for_everyone", "client", true],
  ] as const)("policy %s, role %s: %s", (policy, role, required) => {
    expect(mustUseTwoFactor(policy, role)).toBe(required);
    expect(mayTurnOff(policy, role)).toBe(!required);
    expect(mustEnrol(policy, role, false)).toBe(required);
    // Enrolled already: never sent to enrolment.
    expect(mustEnrol(policy, role, true)).toBe(false);
  });
});
