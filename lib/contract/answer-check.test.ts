import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AnswerMismatch, checkAnswer } from "./answer-check";
import { operation } from "./operation";

const op = operation({
  id: "readThing",
  method: "get",
  path: "/api/v1/things/{thingId}",
  tag: "Things",
  summary: "A thing",
  success: { status: 200, description: "The thing", schema: z.object({ id: z.string(), at: z.iso.datetime() }) },
});

afterEach(() => vi.unstubAllEnvs());

describe("checkAnswer", () => {
  it("lets an answer that fits its schema through, as the client reads it (a Date becomes its ISO string)", () => {
    expect(() => checkAnswer(op, { id: "a", at: new Date("2026-11-29T10:00:00Z") })).not.toThrow();
  });

  it("fails loudly, naming the field, when an answer drifted from its schema", () => {
    expect(() => checkAnswer(op, { id: 1, at: "yesterday" })).toThrow(AnswerMismatch);
    expect(() => checkAnswer(op, { id: 1, at: "2026-11-29T10:00:00Z" })).toThrow(/readThing.*id:/);
  });

  it("checks in production builds only when asked (the end-to-end server asks)", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(() => checkAnswer(op, { id: 1 })).not.toThrow();
    vi.stubEnv("LIGHTGATE_CHECK_ANSWERS", "1");
    expect(() => checkAnswer(op, { id: 1 })).toThrow(AnswerMismatch);
  });
});
