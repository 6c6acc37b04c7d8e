import { describe, expect, it } from "vitest";
import { onField, refuse } from "./refusal";

describe("refuse", () => {
  it.each([
    [{}, { code: "c", message: "m" }],
    [{ kind: "rule" as const }, { code: "c", message: "m" }],
    [{ kind: "forbidden" as const }, { code: "c", message: "m", kind: "forbidden" }],
    [
      { kind: "input" as const, fieldErrors: onField("reason", "m") },
      {
        code: "c",
        message: "m",
        kind: "input",
        fieldErrors: { reason: ["m"] },
      },
    ],
    [{ missing: ["homologation_passed"] }, { code: "c", message: "m", missing: ["homologation_passed"] }],
    [
      { missing: undefined, fieldErrors: undefined },
      { code: "c", message: "m" },
    ],
  ])("refuse(c, m, %j) keeps only the parts given", (extra, refusal) => {
    expect(refuse("c", "m", extra)).toStrictEqual({ ok: false, refusal });
  });
});
