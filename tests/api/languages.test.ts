// The API's words follow Accept-Language: a problem's `title` and `detail`, and the messages of a
// 422's fields, in Spanish or Polish; `type`, `code`, `status`, field names and `missing` stay the
// same in every language, and a language we do not have answers English.
import { beforeEach, describe, expect, it } from "vitest";
import * as submitRoute from "@/app/api/v1/projects/[projectId]/gates/[number]/submit/route";
import * as votesRoute from "@/app/api/v1/projects/[projectId]/gates/[number]/votes/route";
import type { Db } from "@/db/client";
import { castVoteOp, submitGateOp } from "@/lib/contract/gates";
import { apiClient } from "@/lib/testing/api";
import { createTestDb } from "@/lib/testing/fixtures";
import { type GateWorld, makeGateWorld } from "@/lib/testing/gate-fixtures";

let w: GateWorld;
let api: ReturnType<typeof apiClient>;
let db: Db;

beforeEach(async () => {
  db = await createTestDb();
  w = await makeGateWorld(db);
  api = apiClient(db);
});

type Problem = {
  type: string;
  status: number;
  code: string;
  title: string;
  detail: string;
  missing?: unknown[];
  errors?: Record<string, string[]>;
};

describe("problem answers in the caller's language", () => {
  const submitIn = async (language?: string) => {
    const answer = await api.call(submitRoute.POST, submitGateOp, {
      as: w.pm,
      params: { projectId: w.project.id, number: "7" },
      body: {},
      ...(language ? { headers: { "accept-language": language } } : {}),
    });
    expect(answer.response.headers.get("content-type")).toBe("application/problem+json");
    return answer.body as Problem;
  };

  it.each([
    ["es-ES,es;q=0.9", "Rechazado por una regla del flujo de trabajo", /^La puerta 7 aún no puede presentarse — /],
    ["pl", "Odrzucone przez regułę procesu", /^Bramki 7 nie można jeszcze przesłać do przeglądu — /],
    ["de", "Refused by a workflow rule", /^Gate 7 cannot be submitted yet — /],
  ])("a refused submission with Accept-Language %s", async (language, title, detail) => {
    const english = await submitIn();
    const said = await submitIn(language);
    expect(english).toMatchObject({ status: 409, code: "gate_missing_requirements" });
    expect(english.detail).toMatch(
      /^Gate 7 cannot be submitted yet — required artifacts without a submitted version: /,
    );
    expect(said.title).toBe(title);
    expect(said.detail).toMatch(detail);
    // The machine parts never change with the language.
    expect({ ...said, title: undefined, detail: undefined }).toEqual({
      ...english,
      title: undefined,
      detail: undefined,
    });
  });

  it("says a 422's field messages in the caller's language, under the same field names", async () => {
    const voteIn = async (language: string) =>
      (
        await api.call(votesRoute.POST, castVoteOp, {
          as: w.owner,
          params: { projectId: w.project.id, number: "7" },
          body: { vote: "maybe", rationale: "" },
          headers: { "accept-language": language },
        })
      ).body as Problem;
    const [en, es, pl] = [await voteIn("en"), await voteIn("es"), await voteIn("pl")];
    expect(en).toMatchObject({
      status: 422,
      code: "invalid_input",
      title: "Invalid input",
      detail: "Some fields are invalid.",
      errors: { vote: ["Choose go, conditional go, hold, recycle or kill."], rationale: ["A rationale is required."] },
    });
    expect(es).toMatchObject({
      status: 422,
      code: "invalid_input",
      title: "Datos no válidos",
      detail: "Algunos campos no son válidos.",
      errors: {
        vote: ["Elija go, go condicional, pausa, reciclar o cancelar."],
        rationale: ["El campo «Justificación» es obligatorio."],
      },
    });
    expect(pl).toMatchObject({ status: 422, code: "invalid_input", detail: "Niektóre pola są nieprawidłowe." });
    expect(Object.keys(pl.errors!).sort()).toEqual(["rationale", "vote"]);
    expect(pl.errors!.rationale).toEqual(["Pole „Uzasadnienie” jest wymagane."]);
  });
});
