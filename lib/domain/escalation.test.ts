import { describe, expect, it } from "vitest";
import {
  isEscalationOpen,
  mayRaiseEscalation,
  triageEscalation,
  type EscalationState,
  type EscalationStatus,
} from "./escalation";

describe("mayRaiseEscalation", () => {
  it.each([
    {
      name: "certified guardian",
      raiser: { hasGuardianRole: true, guardianStatus: "certified", missing: [] },
      reason: null,
    },
    {
      name: "not a guardian at all",
      raiser: { hasGuardianRole: false, guardianStatus: null, missing: [] },
      reason: "not_guardian",
    },
    {
      name: "guardian role but never nominated",
      raiser: { hasGuardianRole: true, guardianStatus: null, missing: [] },
      reason: "not_guardian",
    },
    {
      name: "certified record but role removed",
      raiser: { hasGuardianRole: false, guardianStatus: "certified", missing: [] },
      reason: "not_guardian",
    },
    {
      name: "withdrawn",
      raiser: { hasGuardianRole: true, guardianStatus: "withdrawn", missing: [] },
      reason: "guardian_withdrawn",
    },
    {
      name: "nominated",
      raiser: { hasGuardianRole: true, guardianStatus: "nominated", missing: [] },
      reason: "guardian_not_certified",
    },
    {
      name: "in training",
      raiser: { hasGuardianRole: true, guardianStatus: "in_training", missing: [] },
      reason: "guardian_not_certified",
    },
  ] as const)("$name", ({ raiser, reason }) => {
    const verdict = mayRaiseEscalation({ ...raiser, missing: [...raiser.missing] });
    if (reason === null) expect(verdict).toEqual({ ok: true });
    else expect(verdict).toMatchObject({ ok: false, refusal: { code: reason } });
  });

  it("explains which module is still missing", () => {
    const verdict = mayRaiseEscalation({
      hasGuardianRole: true,
      guardianStatus: "in_training",
      missing: [{ moduleId: "a", name: "Administration", passMark: 70, bestScore: 55, reason: "below_pass_mark" }],
    });
    expect(verdict).toMatchObject({
      refusal: {
        message:
          "Only certified guardians can raise escalations: " +
          "you still need to pass Administration (score 55, pass mark 70).",
      },
    });
  });
});

const base: EscalationState = { status: "open", severity: "high", blocking: true, assigneeId: null, resolution: null };
const at = (status: EscalationStatus, extra: Partial<EscalationState> = {}): EscalationState => ({
  ...base,
  status,
  assigneeId: "u1",
  resolution: "Fixed",
  ...extra,
});

describe("triageEscalation transitions", () => {
  const all: EscalationStatus[] = ["open", "triaged", "in_progress", "resolved", "closed"];
  const allowed: Record<EscalationStatus, EscalationStatus[]> = {
    open: ["triaged"],
    triaged: ["in_progress", "resolved"],
    in_progress: ["resolved"],
    resolved: ["closed", "in_progress"],
    closed: [],
  };
  const table = all.flatMap((from) =>
    all.filter((to) => to !== from).map((to) => ({ from, to, ok: allowed[from].includes(to) })),
  );
  it.each(table)("$from → $to: ok=$ok", ({ from, to, ok }) => {
    const outcome = triageEscalation(at(from), { status: to });
    expect(outcome.ok).toBe(ok);
    if (outcome.ok) expect(outcome.next.status).toBe(to);
  });
});

describe("triageEscalation rules", () => {
  it.each([
    {
      name: "resolve without a resolution",
      state: at("triaged", { resolution: null }),
      command: { status: "resolved" as const },
      reason: "resolution_required",
    },
    {
      name: "resolve with a blank resolution",
      state: at("in_progress", { resolution: null }),
      command: { status: "resolved" as const, resolution: "  " },
      reason: "resolution_required",
    },
    {
      name: "start without assignee",
      state: at("triaged", { assigneeId: null }),
      command: { status: "in_progress" as const },
      reason: "assignee_required",
    },
    {
      name: "anything on a closed escalation",
      state: at("closed"),
      command: { severity: "low" as const },
      reason: "escalation_closed",
    },
  ])("refuses: $name", ({ state, command, reason }) => {
    expect(triageEscalation(state, command)).toMatchObject({ ok: false, refusal: { code: reason } });
  });

  it("reports exactly what changed", () => {
    const outcome = triageEscalation(base, { status: "triaged", assigneeId: "u2", severity: "critical" });
    expect(outcome).toEqual({
      ok: true,
      next: { ...base, status: "triaged", assigneeId: "u2", severity: "critical" },
      changed: { status: "triaged", assigneeId: "u2", severity: "critical" },
    });
  });

  it.each([
    ["open", true],
    ["triaged", true],
    ["in_progress", true],
    ["resolved", false],
    ["closed", false],
  ] as const)("%s counts as open: %s", (status, open) => {
    expect(isEscalationOpen(status)).toBe(open);
  });
});
