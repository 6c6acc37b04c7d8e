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
    const account = { role, passwordSignIn: true };
    expect(mustUseTwoFactor(policy, account)).toBe(required);
    expect(mayTurnOff(policy, account)).toBe(!required);
    expect(mustEnrol(policy, account, false)).toBe(required);
    // Enrolled already: never sent to enrolment.
    expect(mustEnrol(policy, account, true)).toBe(false);
  });

  it.each([
    ["optional", "admin"],
    ["required_for_staff", "staff"],
    ["required_for_everyone", "client"],
    ["required_for_everyone", "admin"],
  ] as const)("policy %s leaves out a %s who signs in only through single sign-on", (policy, role) => {
    const account = { role, passwordSignIn: false };
    expect(mustUseTwoFactor(policy, account)).toBe(false);
    expect(mustEnrol(policy, account, false)).toBe(false);
    expect(mayTurnOff(policy, account)).toBe(true);
  });
});
