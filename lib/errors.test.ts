import { describe, expect, it } from "vitest";
import type { Refusal } from "@/lib/domain/refusal";
import { createTranslator } from "next-intl";
import {
  AppError,
  ERROR_STATUS,
  type ErrorCode,
  forbidden,
  notFound,
  refusalError,
  refused,
  staleVersion,
  toProblem,
} from "@/lib/errors";
import { wordsFor } from "@/lib/refusal-words";
import en from "@/messages/en/refusals.json";

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

describe("toProblem in the reader's words", () => {
  const refusal: Refusal = {
    code: "scope_reason_required",
    message: "The MVP scope is baselined: give the reason for this change.",
    kind: "input",
    fieldErrors: { reason: ["The MVP scope is baselined: give the reason for this change."], title: ["Too long."] },
  };

  it("says a refusal, its title and the field errors that repeat it; codes and field names stay", async () => {
    const body = toProblem(refusalError(refusal), await wordsFor("es")).body;
    expect(body).toEqual({
      type: "about:blank",
      status: 422,
      title: "Datos no válidos",
      detail: "El alcance del MVP está aprobado como línea base: indique el motivo de este cambio.",
      code: "scope_reason_required",
      errors: {
        reason: ["El alcance del MVP está aprobado como línea base: indique el motivo de este cambio."],
        title: ["Too long."],
      },
    });
  });

  it("keeps English exactly as thrown, with or without English words", async () => {
    const english = await wordsFor("en");
    for (const error of [refusalError(refusal), notFound("This sprint"), staleVersion("this gate")])
      expect(toProblem(error, english)).toEqual(toProblem(error));
  });

  it.each([
    [notFound("This sprint"), "Nie znaleziono", "Ten sprint nie istnieje lub jest niedostępny."],
    [notFound("Gate 3"), "Nie znaleziono", "Bramka 3 nie istnieje lub jest niedostępna."],
    [staleVersion("this gate"), "Zmienione przez inną osobę", /^W międzyczasie ktoś inny zmienił tę bramkę\./],
    [forbidden(), "Brak uprawnień", "Brak uprawnień do tej czynności."],
  ])("says the generic answers in Polish: %s", async (error, title, detail) => {
    const body = toProblem(error, await wordsFor("pl")).body;
    expect(body.title).toBe(title);
    expect(body.detail).toMatch(detail);
  });

  it("keeps a sentence the catalogue does not know (a custom message) in English, its title translated", async () => {
    const body = toProblem(forbidden("Only vendor staff can create projects."), await wordsFor("es")).body;
    expect([body.title, body.detail]).toEqual(["No permitido", "Only vendor staff can create projects."]);
  });
});

describe("the English problem words", () => {
  const english = createTranslator({ locale: "en", messages: en, namespace: "problems" });

  it.each(Object.keys(ERROR_STATUS) as ErrorCode[])("title of %s is the catalogue's", (code) => {
    const key = `title${code.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase())}` as keyof typeof en.problems;
    expect(english(key)).toBe(new AppError(code, "x").title);
  });

  it.each([
    ["notFound", notFound("This sprint").message, { what: "This sprint" }],
    ["staleVersion", staleVersion("this gate").message, { what: "this gate" }],
    ["forbidden", forbidden().message, {}],
    ["signInOrToken", "Sign in or send an API token as 'Authorization: Bearer <token>'.", {}],
    ["internal", "An unexpected error occurred. It has been logged.", {}],
  ] as const)("%s is the sentence the code throws", (key, sentence, values) => {
    expect(english(key, values)).toBe(sentence);
  });
});
