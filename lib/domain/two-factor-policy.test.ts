import { describe, expect, it } from "vitest";
import { mayTurnOff, mustEnrol, mustUseTwoFactor } from "./two-factor-policy";

describe("who must use two-factor sign-in", () => {
  it.each([
    ["optional", "admin", false],
    ["optional", "staff", false],
    ["optional", "client", false],
    ["staff", "admin", true],
    ["staff", "staff", true],
    ["staff", "client", false],
    ["everyone", "admin", true],
    ["everyone", "staff", true],
    ["everyone", "client", true],
  ] as const)("policy %s, role %s: %s", (policy, role, required) => {
    expect(mustUseTwoFactor(policy, role)).toBe(required);
    expect(mayTurnOff(policy, role)).toBe(!required);
    expect(mustEnrol(policy, role, false)).toBe(required);
    // Enrolled already: never sent to enrolment.
    expect(mustEnrol(policy, role, true)).toBe(false);
  });
});
