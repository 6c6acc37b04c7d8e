// Setting a project up through API v1: the policies to choose from, a project created with its
// key people, members, gate boards (also on the remaining gates, locked in review), planned
// dates and meeting a condition; every refusal a 422 naming the field or a 404 to outsiders.
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "./fixtures";
import { storageStateOf, type AccountKey } from "./accounts";

const unique = (label: string) => `E2E ${label} ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

async function api(account: AccountKey, baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: storageStateOf(account) });
}

async function expectProblem(response: APIResponse, status: number, field?: string) {
  expect(response.status(), await response.text()).toBe(status);
  const body = await response.json();
  if (field) expect(Object.keys(body.errors ?? {})).toContain(field);
  return body;
}

type Member = { userId: string; email: string; name: string; roles: string[] };

test.describe("project setup API", () => {
  test("a project set up in one step, then its members, boards, dates and a condition", async ({
    baseURL,
    browser,
  }) => {
    const pm = await api("pm", baseURL!);
    const owner = await api("owner", baseURL!);
    const board = await api("board", baseURL!);
    const outsider = await api("otherViewer", baseURL!);

    // Policies: vendor staff list them; clients may not.
    const policies = await pm.get("/api/v1/policies");
    expect(policies.status()).toBe(200);
    const items = (await policies.json()).items as {
      id: string;
      name: string;
      version: number;
      isDefault: boolean;
      gates: { number: number; name: string; objectives: string }[];
    }[];
    const lightGating = items.find((p) => p.isDefault)!;
    expect(lightGating.gates.map((g) => g.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(lightGating.gates[0]).toEqual(
      expect.objectContaining({ name: expect.any(String), objectives: expect.any(String) }),
    );
    await expectProblem(await outsider.get("/api/v1/policies"), 403);

    const organizationId = (await (await pm.get("/api/v1/projects?q=Nordlicht")).json()).items[0].clientOrganization
      .id as string;
    const base = {
      organizationId,
      modules: ["Invoicing"],
      startDate: "2026-01-05",
      targetGoLiveDate: "2026-12-15",
      sizeClass: "small",
    };

    // A project with its PM alone; members named by email give us the demo accounts' ids.
    const first = await pm.post("/api/v1/projects", { data: { ...base, name: unique("setup api alone") } });
    expect(first.status()).toBe(201);
    const alone = (await first.json()) as { id: string; currentGate: number };
    expect(alone.currentGate).toBe(7);
    const ownerMember = await pm.post(`/api/v1/projects/${alone.id}/members`, {
      data: { email: "owner@demo.test", role: "client_owner" },
    });
    expect(ownerMember.status()).toBe(201);
    const ownerId = ((await ownerMember.json()) as Member).userId;
    const boardMember = await pm.post(`/api/v1/projects/${alone.id}/members`, {
      data: { email: "board@demo.test", role: "team_member" },
    });
    const boardId = ((await boardMember.json()) as Member).userId;
    expect((await boardMember.json()).roles).toEqual(["team_member"]);

    // The other organisation's viewer, from a project they can see.
    const theirProject = (await (await outsider.get("/api/v1/projects")).json()).items[0].id as string;
    const theirMembers = (await (await outsider.get(`/api/v1/projects/${theirProject}/members`)).json())
      .items as Member[];
    const outsiderId = theirMembers.find((m) => m.email === "viewer@other.demo.test")!.userId;

    // Refusals at creation: 422 naming the field.
    await expectProblem(
      await pm.post("/api/v1/projects", {
        data: { ...base, name: unique("bad policy"), policyId: "00000000-0000-4000-8000-000000000000" },
      }),
      422,
      "policyId",
    );
    await expectProblem(
      await pm.post("/api/v1/projects", { data: { ...base, name: unique("bad owner"), clientOwnerId: outsiderId } }),
      422,
      "clientOwnerId",
    );
    await expectProblem(
      await pm.post("/api/v1/projects", {
        data: { ...base, name: unique("bad member"), members: [{ userId: outsiderId, role: "client_viewer" }] },
      }),
      422,
      "members",
    );
    await expectProblem(
      await pm.post("/api/v1/projects", {
        data: { ...base, name: unique("bad dates"), targetGoLiveDate: "2025-12-01" },
      }),
      422,
      "targetGoLiveDate",
    );

    // The project set up in one step.
    const created = await pm.post("/api/v1/projects", {
      data: {
        ...base,
        name: unique("setup api"),
        policyId: lightGating.id,
        clientOwnerId: ownerId,
        members: [{ userId: boardId, role: "team_member", board: true }],
      },
    });
    expect(created.status()).toBe(201);
    const project = (await created.json()) as { id: string; currentGate: number };
    expect(project.currentGate).toBe(7);
    const members = (await (await pm.get(`/api/v1/projects/${project.id}/members`)).json()).items as Member[];
    expect(members.map((m) => [m.email, m.roles])).toEqual(
      expect.arrayContaining([
        ["pm@demo.test", ["project_manager"]],
        ["owner@demo.test", ["client_owner"]],
        ["board@demo.test", ["team_member"]],
      ]),
    );
    const gates = (await (await pm.get(`/api/v1/projects/${project.id}/gates`)).json()) as
      { items?: unknown[] } | unknown[];
    const gateList = (Array.isArray(gates) ? gates : gates.items) as { number: number; plannedDate: string | null }[];
    expect(gateList.every((g) => g.plannedDate && g.plannedDate >= "2026-01-05")).toBe(true);
    const board7 = await (await pm.get(`/api/v1/projects/${project.id}/gates/7/board`)).json();
    expect(board7.editable).toBe(true);
    expect(board7.board.map((b: { email: string; required: boolean }) => [b.email, b.required]).sort()).toEqual(
      [
        ["board@demo.test", false],
        ["owner@demo.test", true],
        ["pm@demo.test", true],
      ].sort(),
    );

    // Members: refusals, then removal of one role and of all roles.
    await expectProblem(
      await pm.post(`/api/v1/projects/${project.id}/members`, {
        data: { email: "nobody@nowhere.test", role: "team_member" },
      }),
      422,
      "email",
    );
    await expectProblem(
      await pm.post(`/api/v1/projects/${project.id}/members`, { data: { userId: outsiderId, role: "client_viewer" } }),
      422,
      "userId",
    );
    await expectProblem(
      await pm.post(`/api/v1/projects/${project.id}/members`, {
        data: { email: "engineer@demo.test", role: "guardian" },
      }),
      422,
      "role",
    );
    const engineer = (await (
      await pm.post(`/api/v1/projects/${project.id}/members`, {
        data: { email: "engineer@demo.test", role: "team_member" },
      })
    ).json()) as Member;
    await pm.post(`/api/v1/projects/${project.id}/members`, {
      data: { email: "engineer@demo.test", role: "integrator" },
    });
    expect(
      (await pm.delete(`/api/v1/projects/${project.id}/members/${engineer.userId}?role=integrator`)).status(),
    ).toBe(204);
    let listed = (await (await pm.get(`/api/v1/projects/${project.id}/members`)).json()).items as Member[];
    expect(listed.find((m) => m.userId === engineer.userId)?.roles).toEqual(["team_member"]);
    expect((await pm.delete(`/api/v1/projects/${project.id}/members/${engineer.userId}`)).status()).toBe(204);
    listed = (await (await pm.get(`/api/v1/projects/${project.id}/members`)).json()).items as Member[];
    expect(listed.some((m) => m.userId === engineer.userId)).toBe(false);

    // Board seats: another organisation's client is refused; also on the remaining gates.
    await expectProblem(
      await pm.post(`/api/v1/projects/${project.id}/gates/6/board`, { data: { userId: outsiderId, required: false } }),
      422,
      "userId",
    );
    const seated = await pm.post(`/api/v1/projects/${project.id}/gates/6/board`, {
      data: { userId: engineer.userId, required: true, alsoOnRemainingGates: true },
    });
    expect(seated.status()).toBe(200);
    for (const number of [6, 5, 1]) {
      const gateBoard = await (await pm.get(`/api/v1/projects/${project.id}/gates/${number}/board`)).json();
      expect(gateBoard.board).toContainEqual(expect.objectContaining({ userId: engineer.userId, required: true }));
    }
    const seven = await (await pm.get(`/api/v1/projects/${project.id}/gates/7/board`)).json();
    expect(seven.board.some((b: { userId: string }) => b.userId === engineer.userId)).toBe(false);
    expect((await pm.delete(`/api/v1/projects/${project.id}/gates/1/board/${engineer.userId}`)).status()).toBe(204);

    // Planned dates: before the start is refused; a stale version is refused; a good date kept.
    await expectProblem(
      await pm.patch(`/api/v1/projects/${project.id}/gates/6`, { data: { plannedDate: "2026-01-01" } }),
      422,
      "plannedDate",
    );
    const gate6 = await (await pm.get(`/api/v1/projects/${project.id}/gates/6`)).json();
    await expectProblem(
      await pm.patch(`/api/v1/projects/${project.id}/gates/6`, {
        data: { plannedDate: "2026-03-01", expectedVersion: gate6.version + 5 },
      }),
      409,
    );
    const planned = await pm.patch(`/api/v1/projects/${project.id}/gates/6`, {
      data: { plannedDate: "2026-03-01", expectedVersion: gate6.version },
    });
    expect(planned.status()).toBe(200);
    expect((await planned.json()).plannedDate).toBe("2026-03-01");

    // Gate 7 through review to a conditional go, with the board locked while in review.
    const gate7 = (await (await pm.get(`/api/v1/projects/${project.id}/gates/7`)).json()) as {
      artifacts: { id: string; requirement: string }[];
    };
    const musts = gate7.artifacts.filter((a) => a.requirement === "must");
    for (const artifact of musts) {
      const version = await pm.post(`/api/v1/projects/${project.id}/artifacts/${artifact.id}/versions`, {
        data: { markdown: "# Agreed" },
      });
      expect(version.status(), await version.text()).toBe(201);
    }
    expect((await pm.post(`/api/v1/projects/${project.id}/gates/7/submit`)).status()).toBe(200);
    const locked = await expectProblem(
      await pm.post(`/api/v1/projects/${project.id}/gates/7/board`, {
        data: { userId: engineer.userId, required: false },
      }),
      409,
    );
    expect(locked.code).toBe("board_locked");
    await expectProblem(await pm.delete(`/api/v1/projects/${project.id}/gates/7/board/${boardId}`), 409);
    for (const artifact of musts) {
      const review = await board.post(`/api/v1/projects/${project.id}/artifacts/${artifact.id}/review`, {
        data: { decision: "approve", comment: "Fine" },
      });
      expect(review.status(), await review.text()).toBeLessThan(300);
    }
    for (const voter of [pm, owner, board]) {
      const vote = await voter.post(`/api/v1/projects/${project.id}/gates/7/votes`, {
        data: { vote: "conditional_go", rationale: "Agreed with a follow-up" },
      });
      expect(vote.status(), await vote.text()).toBe(200);
    }
    const decided = await pm.post(`/api/v1/projects/${project.id}/gates/7/decision`, {
      data: {
        decision: "conditional_go",
        rationale: "Go, once the SOW is countersigned",
        conditions: [
          { text: "Countersign the SOW", ownerId: ownerId, dueDate: "2026-02-01" },
          { text: "File the signed SOW", ownerId: ownerId, dueDate: "2026-02-02" },
        ],
      },
    });
    expect(decided.status(), await decided.text()).toBe(200);
    const conditionId = (
      (await (await pm.get(`/api/v1/projects/${project.id}/gates/7`)).json()).conditions as {
        id: string;
        text: string;
      }[]
    ).find((c) => c.text === "Countersign the SOW")!.id;

    // The owner marks the other condition met on the gate page: the list is server markup, the button client code.
    const ownerPage = await (await browser.newContext({ baseURL, storageState: storageStateOf("owner") })).newPage();
    await ownerPage.goto(`/projects/${project.id}/gates/7`);
    const conditions = ownerPage.getByRole("list", { name: "Conditions" });
    const filing = conditions.getByRole("listitem").filter({ hasText: "File the signed SOW" });
    await filing.getByRole("button", { name: /^Mark met\W+File the signed SOW$/ }).click();
    await ownerPage.getByRole("alertdialog").getByRole("button", { name: "Mark met" }).click();
    await expect(filing).toContainText(" · met ");
    await expect(filing.getByRole("button", { name: /Mark met/ })).toHaveCount(0);
    await ownerPage.context().close();
    const met = await owner.post(`/api/v1/projects/${project.id}/conditions/${conditionId}/meet`, {
      data: { note: "Countersigned on 20 January" },
    });
    expect(met.status(), await met.text()).toBe(200);
    expect(await met.json()).toEqual(
      expect.objectContaining({ id: conditionId, status: "met", note: "Countersigned on 20 January" }),
    );
    await expectProblem(
      await pm.post(`/api/v1/projects/${project.id}/conditions/${conditionId}/meet`, { data: {} }),
      409,
    );
    const audit = await (await pm.get(`/api/v1/projects/${project.id}/audit?action=gate.condition.meet`)).json();
    expect(JSON.stringify(audit)).toContain("Countersigned on 20 January");

    // The other organisation's viewer: 404 on every new project endpoint.
    const p = `/api/v1/projects/${project.id}`;
    const attempts: [string, Promise<APIResponse>][] = [
      ["GET members", outsider.get(`${p}/members`)],
      ["POST members", outsider.post(`${p}/members`, { data: { userId: outsiderId, role: "client_viewer" } })],
      ["DELETE member", outsider.delete(`${p}/members/${boardId}`)],
      ["GET board", outsider.get(`${p}/gates/6/board`)],
      ["POST board", outsider.post(`${p}/gates/6/board`, { data: { userId: outsiderId, required: false } })],
      ["DELETE board seat", outsider.delete(`${p}/gates/6/board/${boardId}`)],
      ["PATCH gate", outsider.patch(`${p}/gates/6`, { data: { plannedDate: "2026-04-01" } })],
      ["POST meet", outsider.post(`${p}/conditions/${conditionId}/meet`, { data: { note: "x" } })],
    ];
    for (const [name, attempt] of attempts) expect((await attempt).status(), name).toBe(404);
  });
});
