import { describe, expect, it } from "vitest";
import { setupSteps } from "./admin-setup";

describe("an administrator's setup steps", () => {
  it.each([
    [{ organizations: 0, people: 0, policyVersions: 0 }, [false, false, false], false],
    [{ organizations: 1, people: 0, policyVersions: 1 }, [true, false, true], false],
    [{ organizations: 3, people: 12, policyVersions: 2 }, [true, true, true], true],
  ])("%j", (counts, done, all) => {
    const setup = setupSteps(counts);
    expect(setup.steps.map((s) => s.done)).toEqual(done);
    expect(setup.done).toBe(all);
    expect(setup.steps.map((s) => s.href)).toEqual(["/admin/organizations", "/admin/users", "/admin/policies"]);
  });
});
