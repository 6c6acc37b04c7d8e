import { describe, expect, it } from "vitest";
import { approverLabel, matchValueLabel, roleLabel, scheduleLabel, yesNo } from "./policy-labels";

describe("labels for policy and quality-scale values", () => {
  it.each([
    ["true", "Yes"],
    ["false", "No"],
    [">=1", "at least 1"],
    [">= 3", "at least 3"],
    ["large", "Large"],
    ["peer_review", "Peer review"],
  ])("match value %s reads %s", (value, label) => {
    expect(matchValueLabel(value)).toBe(label);
  });

  it.each<[Parameters<typeof scheduleLabel>[0], string]>([
    [null, "Spread between the start and go-live"],
    [undefined, "Spread between the start and go-live"],
    [{ anchor: "start", days: 30 }, "30 days after the start"],
    [{ anchor: "start", days: 1 }, "1 day after the start"],
    [{ anchor: "go_live", days: -14 }, "14 days before go-live"],
    [{ anchor: "go_live", days: 0 }, "On the go-live date"],
  ])("schedule %j reads %s", (schedule, label) => {
    expect(scheduleLabel(schedule)).toBe(label);
  });

  it("names roles and approvers", () => {
    expect(roleLabel("client_owner")).toBe("Client owner");
    expect(approverLabel(["client_owner", "project_manager"])).toBe("Client owner and Project manager");
    expect(approverLabel([])).toBe("Any board member but the author");
    expect(yesNo(true)).toBe("Yes");
    expect(yesNo(undefined)).toBe("No");
  });
});
