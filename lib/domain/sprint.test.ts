import { describe, expect, it } from "vitest";
import {
  acceptanceBlockers,
  checkCapacity,
  decideSprint,
  sprintCommands,
  type SprintCommand,
  type SprintState,
  type SprintStatus,
} from "./sprint";

const base: SprintState = {
  status: "planned",
  committedDays: 8,
  committedItems: 3,
  capacityDays: 10,
  hasProductionDeployment: true,
  missingEvidence: [],
};
const state = (over: Partial<SprintState>): SprintState => ({ ...base, ...over });
const missingRegression = { key: "regression", name: "Regression suite", reason: "No evidence recorded." };

describe("decideSprint transitions", () => {
  const cases: { name: string; state: SprintState; command: SprintCommand; to?: SprintStatus; refused?: string }[] = [
    { name: "planned sprint starts", state: state({}), command: { type: "start" }, to: "active" },
    {
      name: "empty sprint cannot start",
      state: state({ committedItems: 0, committedDays: 0 }),
      command: { type: "start" },
      refused: "sprint_empty",
    },
    {
      name: "over-capacity sprint cannot start",
      state: state({ committedDays: 12 }),
      command: { type: "start" },
      refused: "sprint_over_capacity",
    },
    {
      name: "active sprint cannot start again",
      state: state({ status: "active" }),
      command: { type: "start" },
      refused: "sprint_not_planned",
    },
    {
      name: "active sprint goes to review",
      state: state({ status: "active" }),
      command: { type: "submit_review" },
      to: "in_review",
    },
    {
      name: "review allowed with gaps (they block acceptance)",
      state: state({ status: "active", missingEvidence: [missingRegression], hasProductionDeployment: false }),
      command: { type: "submit_review" },
      to: "in_review",
    },
    {
      name: "planned sprint cannot go to review",
      state: state({}),
      command: { type: "submit_review" },
      refused: "sprint_not_active",
    },
    {
      name: "complete sprint in review is accepted",
      state: state({ status: "in_review" }),
      command: { type: "accept", comment: "" },
      to: "accepted",
    },
    {
      name: "acceptance refused without evidence",
      state: state({ status: "in_review", missingEvidence: [missingRegression] }),
      command: { type: "accept", comment: "ok" },
      refused: "sprint_acceptance_incomplete",
    },
    {
      name: "acceptance refused without production deployment",
      state: state({ status: "in_review", hasProductionDeployment: false }),
      command: { type: "accept", comment: "ok" },
      refused: "sprint_acceptance_incomplete",
    },
    {
      name: "active sprint cannot be accepted",
      state: state({ status: "active" }),
      command: { type: "accept", comment: "" },
      refused: "sprint_not_in_review",
    },
    {
      name: "accepted sprint cannot be accepted twice",
      state: state({ status: "accepted" }),
      command: { type: "accept", comment: "" },
      refused: "sprint_not_in_review",
    },
    {
      name: "rejection with comment",
      state: state({ status: "in_review", missingEvidence: [missingRegression] }),
      command: { type: "reject", comment: "Invoices are wrong" },
      to: "rejected",
    },
    {
      name: "rejection needs a comment",
      state: state({ status: "in_review" }),
      command: { type: "reject", comment: "  " },
      refused: "sprint_reject_needs_comment",
    },
    {
      name: "rejected sprint reopens",
      state: state({ status: "rejected" }),
      command: { type: "reopen" },
      to: "active",
    },
    {
      name: "accepted sprint cannot reopen",
      state: state({ status: "accepted" }),
      command: { type: "reopen" },
      refused: "sprint_not_rejected",
    },
    {
      name: "deployment while active",
      state: state({ status: "active" }),
      command: { type: "record_deployment", environment: "production" },
      to: "active",
    },
    {
      name: "deployment while in review",
      state: state({ status: "in_review" }),
      command: { type: "record_deployment", environment: "homologation" },
      to: "in_review",
    },
    {
      name: "no deployment on a planned sprint",
      state: state({}),
      command: { type: "record_deployment", environment: "production" },
      refused: "sprint_not_delivering",
    },
    {
      name: "no deployment on an accepted sprint",
      state: state({ status: "accepted" }),
      command: { type: "record_deployment", environment: "production" },
      refused: "sprint_not_delivering",
    },
    {
      name: "plan change within capacity",
      state: state({}),
      command: { type: "change_plan", committedDays: 5, capacityDays: 10 },
      to: "planned",
    },
    {
      name: "plan change over capacity",
      state: state({ status: "active" }),
      command: { type: "change_plan", committedDays: 11, capacityDays: 10 },
      refused: "sprint_over_capacity",
    },
    {
      name: "plan of a sprint in review is locked",
      state: state({ status: "in_review" }),
      command: { type: "change_plan", committedDays: 5, capacityDays: 10 },
      refused: "sprint_plan_locked",
    },
  ];
  it.each(cases)("$name", ({ state: s, command, to, refused }) => {
    const outcome = decideSprint(s, command);
    if (refused) {
      expect(outcome).toMatchObject({ ok: false, refusal: { code: refused } });
    } else {
      expect(outcome).toMatchObject({ ok: true, status: to });
      if (outcome.ok) expect(outcome.events.length).toBe(1);
    }
  });

  it("lists every missing item in the acceptance refusal", () => {
    const outcome = decideSprint(
      state({ status: "in_review", missingEvidence: [missingRegression], hasProductionDeployment: false }),
      { type: "accept", comment: "" },
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.refusal.missing?.map((m) => m.key)).toEqual(["regression", "production_deployment"]);
  });

  it("warns on submit when the acceptance would be refused", () => {
    const outcome = decideSprint(state({ status: "active", hasProductionDeployment: false }), {
      type: "submit_review",
    });
    expect(outcome.ok && outcome.warnings[0]).toMatch(/Production deployment record/);
  });
});

describe("checkCapacity", () => {
  it.each([
    { committed: 0, capacity: 0, ok: true, warn: false },
    { committed: 5, capacity: 10, ok: true, warn: false },
    { committed: 8.5, capacity: 10, ok: true, warn: true },
    { committed: 10, capacity: 10, ok: true, warn: true },
    { committed: 10.5, capacity: 10, ok: false, warn: false },
    { committed: 1, capacity: 0, ok: false, warn: false },
  ])("$committed of $capacity → ok=$ok warn=$warn", ({ committed, capacity, ok, warn }) => {
    const result = checkCapacity(committed, capacity);
    expect(result.ok).toBe(ok);
    if (result.ok) expect(Boolean(result.warning)).toBe(warn);
  });
});

describe("acceptanceBlockers", () => {
  it("is empty when evidence and deployment are complete", () => {
    expect(acceptanceBlockers(base)).toEqual([]);
  });
});

describe("sprintCommands", () => {
  it.each([
    ["planned", ["change_plan", "start"]],
    ["active", ["change_plan", "record_deployment", "submit_review"]],
    ["in_review", ["record_deployment", "accept", "reject"]],
    ["accepted", []],
    ["rejected", ["reopen"]],
  ] as const)("a %s sprint takes %j", (status, commands) => {
    expect(sprintCommands(status)).toEqual(commands);
  });

  // A state in which nothing but the status can refuse a command.
  const ready = (status: SprintStatus): SprintState => ({
    status,
    committedDays: 5,
    committedItems: 2,
    capacityDays: 10,
    hasProductionDeployment: true,
    missingEvidence: [],
  });
  const commands: SprintCommand[] = [
    { type: "change_plan", committedDays: 5, capacityDays: 10 },
    { type: "start" },
    { type: "record_deployment", environment: "production" },
    { type: "submit_review" },
    { type: "accept", comment: "" },
    { type: "reject", comment: "Rework the invoice layout." },
    { type: "reopen" },
  ];
  const statuses: SprintStatus[] = ["planned", "active", "in_review", "accepted", "rejected"];
  it.each(statuses.flatMap((status) => commands.map((command) => [status, command.type, command] as const)))(
    "a %s sprint: %s is offered exactly when decideSprint accepts it",
    (status, type, command) => {
      expect(sprintCommands(status).includes(type)).toBe(decideSprint(ready(status), command).ok);
    },
  );
});
