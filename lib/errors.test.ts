import { describe, expect, it } from "vitest";
import type { Refusal } from "@/lib/domain/refusal";
import { AppError, refusalError, refused, toProblem } from "@/lib/errors";

describe("refusalError", () => {
  it.each<[string, Refusal, number, Record<string, unknown>]>([
    [
      "a workflow rule",
      { code: "gate_not_in_review", message: "Gate 7 is not in review." },
      409,
      { code: "gate_not_in_review", title: "Refused by a workflow rule", detail: "Gate 7 is not in review." },
    ],
    [
      "who may",
      { code: "not_on_board", message: "Only board members vote.", kind: "forbidden" },
      403,
      { code: "not_on_board", title: "Not allowed" },
    ],
    [
      "input to correct",
      {
        code: "scope_reason_required",
        message: "Give a reason.",
        kind: "input",
        fieldErrors: { reason: ["Give a reason."] },
      },
      422,
      { code: "scope_reason_required", errors: { reason: ["Give a reason."] } },
    ],
    [
      "a rule shown next to a field",
      { code: "justification_required", message: "Write why.", fieldErrors: { justification: ["Write why."] } },
      409,
      { code: "justification_required", errors: { justification: ["Write why."] } },
    ],
    [
      "a stale read",
      { code: "stale_version", message: "Reload.", kind: "stale" },
      409,
      { code: "stale_version", title: "Changed by someone else" },
    ],
    [
      "what it waits for",
      { code: "go_live_not_ready", message: "Not yet.", missing: ["production_passed"] },
      409,
      { code: "go_live_not_ready", missing: ["production_passed"] },
    ],
  ])("%s → %i", (_name, refusal, status, body) => {
    const problem = toProblem(refusalError(refusal));
    expect(problem.status).toBe(status);
    expect(problem.body).toMatchObject({ status, ...body });
  });

  it("adds no empty details", () => {
    const error = refusalError({ code: "scope_no_change", message: "Nothing changed." });
    expect(error.details).toBeUndefined();
    expect(toProblem(error).body).not.toHaveProperty("errors");
    expect(toProblem(error).body).not.toHaveProperty("missing");
  });

  it("refused throws the same AppError", () => {
    expect(() => refused({ code: "wave_completed", message: "Done." })).toThrow(AppError);
  });
});
