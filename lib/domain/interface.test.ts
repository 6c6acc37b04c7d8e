import { describe, expect, it } from "vitest";
import { allowedInterfaceTargets, transitionInterface, type InterfaceStatus } from "./interface";

describe("transitionInterface", () => {
  const cases: [from: InterfaceStatus, to: InterfaceStatus, reason: string | undefined, expected: string][] = [
    ["designed", "developed", undefined, "forward"],
    ["developed", "tested", undefined, "forward"],
    ["tested", "live", undefined, "forward"],
    ["designed", "tested", undefined, "skips_a_step"],
    ["designed", "live", undefined, "skips_a_step"],
    ["developed", "live", undefined, "skips_a_step"],
    ["designed", "designed", undefined, "same_status"],
    ["live", "live", "x", "same_status"],
    ["live", "tested", undefined, "reason_required"],
    ["live", "tested", "   ", "reason_required"],
    ["tested", "developed", "Defect in the mapping of tariffs", "back"],
    ["live", "designed", "Contract renegotiated", "back"],
  ];
  it.each(cases)("%s → %s (reason %j) is %s", (from, to, reason, expected) => {
    const result = transitionInterface(from, { to, reason });
    if (result.ok) {
      expect(result.direction).toBe(expected);
      expect(result.status).toBe(to);
      expect(result.audit).toEqual({
        action: expected === "forward" ? "interface.advance" : "interface.reopen",
        from,
        to,
        reason: reason?.trim() || null,
      });
    } else {
      // The API's code names the interface workflow: "interface_skips_a_step"…
      expect(result.refusal.code).toBe(`interface_${expected}`);
      expect(result.refusal.message.length).toBeGreaterThan(10);
    }
  });

  it("lists the targets a status may move to", () => {
    expect(allowedInterfaceTargets("designed")).toEqual({ forward: "developed", back: [] });
    expect(allowedInterfaceTargets("tested")).toEqual({ forward: "live", back: ["designed", "developed"] });
    expect(allowedInterfaceTargets("live")).toEqual({ forward: null, back: ["designed", "developed", "tested"] });
  });
});
