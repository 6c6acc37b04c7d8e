import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Db, first, one } from "@/db/client";
import {
  artifacts,
  auditEvents,
  gateConditions,
  gatePolicies,
  gatePolicyVersions,
  gates,
  projectMembers,
  projects,
  type PolicyGate,
} from "@/db/schema";
import { gateBoard, removeBoardSeat, setBoardSeat, setPlannedDate } from "@/lib/data/gate-board";
import { meetCondition } from "@/lib/data/gates";
import { addProjectMember, removeProjectMember } from "@/lib/data/members";
import { createProject, listProjectMembers } from "@/lib/data/projects";
import { listPublishedPolicies } from "@/lib/data/published-policies";
import type { Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeUser, makeWorld } from "@/lib/testing/fixtures";

/** The code of the AppError thrown, and the fields it names. */
async function refusal(fn: () => unknown) {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: Object.keys(error.details?.fieldErrors ?? {}) };
    throw error;
  }
  return { code: "ok", fields: [] };
}

const baseInput = (organizationId: string) => ({
  organizationId,
  name: `Setup ${Math.random().toString(36).slice(2, 8)}`,
  description: "",
  modules: ["Invoicing"],
  sowReference: "",
  startDate: "2026-01-01",
  targetGoLiveDate: "2026-01-25",
  sizeClass: "standard" as const,
});

/** A three-step policy with a schedule on step 2 and the client owner approving one artifact. */
async function makeThreeStepPolicy(db: Db) {
  const policy = await one(
    db
      .insert(gatePolicies)
      .values({ name: `Three steps ${Math.random()}` })
      .returning(),
  );
  const board: PolicyGate["defaultBoard"] = [
    { projectRole: "project_manager", required: true },
    { projectRole: "client_owner", required: true },
    { projectRole: "team_member", required: false },
  ];
  const gateOf = (number: number, extra: Partial<PolicyGate> = {}): PolicyGate => ({
    number,
    name: `Step ${number}`,
    objectives: `Objectives ${number}`,
    artifactTypes: [
      {
        key: `doc_${number}`,
        title: `Document ${number}`,
        requirement: { small: "must", standard: "must", large: "must" },
      },
    ],
    defaultBoard: board,
    decisionRule: "majority",
    quorum: null,
    ...extra,
  });
  const shared = { policyId: policy.id, publishedAt: new Date().toISOString() };
  await db.insert(gatePolicyVersions).values({ ...shared, version: 1, gates: [gateOf(3), gateOf(2), gateOf(1)] });
  const latest = await one(
    db
      .insert(gatePolicyVersions)
      .values({
        ...shared,
        version: 2,
        gates: [
          gateOf(3, {
            artifactTypes: [
              { key: "kickoff", title: "Kickoff", requirement: { standard: "must" }, approverRoles: ["client_owner"] },
              { key: "minutes", title: "Minutes", requirement: { standard: "should" } },
            ],
          }),
          gateOf(2, { schedule: { anchor: "go_live", days: -5 } }),
          gateOf(1),
        ],
      })
      .returning(),
  );
  return { policy, latest };
}

const gatesOf = async (db: Db, projectId: string) =>
  await db.select().from(gates).where(eq(gates.projectId, projectId)).orderBy(asc(gates.number));
const projectCount = async (db: Db) => (await db.select().from(projects)).length;

describe("creating a project in one step", () => {
  it(
    "binds the chosen policy's latest version, seats the key " + "people by the default boards and proposes dates",
    async () => {
      const db = await createTestDb();
      const w = await makeWorld(db);
      const { policy, latest } = await makeThreeStepPolicy(db);
      const project = await createProject(db, ctxFor(w.pm), {
        ...baseInput(w.org.id),
        policyId: policy.id,
        clientOwnerId: w.owner.id,
        members: [
          { userId: w.engineer.id, role: "team_member" },
          { userId: w.boardMember.id, role: "team_member" },
          { userId: w.guardian.id, role: "guardian" },
        ],
      });
      expect(project.policyVersionId).toBe(latest.id);
      expect(project.currentGate).toBe(3);

      const members = await listProjectMembers(db, w.pm, project.id);
      expect(Object.fromEntries(members.map((m) => [m.userId, m.roles]))).toEqual({
        [w.pm.id]: ["project_manager"],
        [w.owner.id]: ["client_owner"],
        [w.engineer.id]: ["team_member"],
        [w.boardMember.id]: ["team_member"],
        [w.guardian.id]: ["guardian"],
      });

      const byGate = await gatesOf(db, project.id);
      expect(byGate.map((g) => [g.number, g.plannedDate])).toEqual([
        [1, "2026-02-24"],
        [2, "2026-01-20"],
        [3, "2026-01-11"],
      ]);
      for (const gate of byGate) {
        const board = (await gateBoard(db, w.pm, project.id, gate.number)).board;
        // Guardians are not on this policy's default boards.
        expect(board.map((b) => [b.userId, b.required]).sort()).toEqual(
          [
            [w.pm.id, true],
            [w.owner.id, true],
            [w.engineer.id, false],
            [w.boardMember.id, false],
          ].sort(),
        );
      }

      const gate3Artifacts = await db
        .select()
        .from(artifacts)
        .where(eq(artifacts.gateId, byGate[2].id))
        .orderBy(asc(artifacts.type));
      expect(gate3Artifacts.map((a) => [a.type, a.requirement, a.approverRoles])).toEqual([
        ["kickoff", "must", ["client_owner"]],
        ["minutes", "should", []],
      ]);

      const audit = await first(
        db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.projectId, project.id), eq(auditEvents.action, "project.create"))),
      );
      expect(audit?.after).toMatchObject({ policyVersionId: latest.id, policyVersion: 2, currentGate: 3 });
    },
  );

  it("defaults to the light-gating policy: gate 7 current, the PM alone, dates from start to go-live", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const project = await createProject(db, ctxFor(w.pm), baseInput(w.org.id));
    expect(project.currentGate).toBe(7);
    expect((await listProjectMembers(db, w.pm, project.id)).map((m) => m.userId)).toEqual([w.pm.id]);
    expect((await gatesOf(db, project.id)).map((g) => g.plannedDate)).toEqual([
      "2026-02-24",
      "2026-01-25",
      "2026-01-21",
      "2026-01-17",
      "2026-01-13",
      "2026-01-09",
      "2026-01-05",
    ]);
    expect((await gateBoard(db, w.pm, project.id, 7)).board.map((b) => b.userId)).toEqual([w.pm.id]);
  });

  it("seats members named as board members on every gate, beside the policy's default seats", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const project = await createProject(db, ctxFor(w.pm), {
      ...baseInput(w.org.id),
      clientOwnerId: w.owner.id,
      members: [
        { userId: w.boardMember.id, role: "team_member", board: true },
        { userId: w.engineer.id, role: "team_member" },
      ],
    });
    for (const number of [7, 6, 5, 4, 3, 2, 1]) {
      const board = (await gateBoard(db, w.pm, project.id, number)).board;
      expect(board.map((b) => [b.email, b.required]).sort()).toEqual(
        [
          [w.pm.email, true],
          [w.owner.email, true],
          [w.boardMember.email, false],
        ].sort(),
      );
    }
  });

  it.each<{
    name: string;
    field: string;
    input: (w: Awaited<ReturnType<typeof makeWorld>>) => Record<string, unknown>;
  }>([
    {
      name: "a policy that does not exist",
      field: "policyId",
      input: () => ({ policyId: "00000000-0000-4000-8000-000000000000" }),
    },
    {
      name: "a client owner of another organisation",
      field: "clientOwnerId",
      input: (w) => ({ clientOwnerId: w.otherViewer.id }),
    },
    { name: "vendor staff as client owner", field: "clientOwnerId", input: (w) => ({ clientOwnerId: w.engineer.id }) },
    {
      name: "a member who is a client of another organisation",
      field: "members",
      input: (w) => ({ members: [{ userId: w.otherViewer.id, role: "client_viewer" }] }),
    },
    {
      name: "a vendor account in a client role",
      field: "members",
      input: (w) => ({ members: [{ userId: w.engineer.id, role: "guardian" }] }),
    },
    {
      name: "a client account in a vendor role",
      field: "members",
      input: (w) => ({ members: [{ userId: w.viewer.id, role: "team_member" }] }),
    },
  ])("refuses $name with 422 on $field and writes nothing", async ({ field, input }) => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const before = await projectCount(db);
    const result = await refusal(
      async () =>
        await createProject(db, ctxFor(w.pm), { ...baseInput(w.org.id), ...input(w) } as Parameters<
          typeof createProject
        >[2]),
    );
    expect(result).toEqual({ code: "invalid_input", fields: [field] });
    expect(await projectCount(db)).toBe(before);
  });

  it("lists published policies to vendor staff with their latest version; clients are refused", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const { policy } = await makeThreeStepPolicy(db);
    const listed = await listPublishedPolicies(db, w.pm);
    const three = listed.find((p) => p.id === policy.id)!;
    expect(three.version).toBe(2);
    expect(three.gates.map((g) => g.number)).toEqual([3, 2, 1]);
    expect(listed.find((p) => p.isDefault)?.gates).toHaveLength(7);
    expect((await refusal(async () => await listPublishedPolicies(db, w.owner))).code).toBe("forbidden");
  });
});

describe("members", () => {
  it(
    "adds by email, refuses unknown emails and other " + "organisations' clients, and removes one or all roles",
    async () => {
      const db = await createTestDb();
      const w = await makeWorld(db);
      const newcomer = await makeUser(db, "staff");
      await addProjectMember(db, ctxFor(w.pm), {
        projectId: w.project.id,
        email: newcomer.email.toUpperCase(),
        role: "team_member",
      });
      await addProjectMember(db, ctxFor(w.pm), { projectId: w.project.id, userId: newcomer.id, role: "integrator" });
      expect(
        (await listProjectMembers(db, w.pm, w.project.id)).find((m) => m.userId === newcomer.id)?.roles.sort(),
      ).toEqual(["integrator", "team_member"]);

      expect(
        await refusal(
          async () =>
            await addProjectMember(db, ctxFor(w.pm), {
              projectId: w.project.id,
              email: "nobody@nowhere.test",
              role: "team_member",
            }),
        ),
      ).toEqual({ code: "invalid_input", fields: ["email"] });
      expect(
        await refusal(
          async () =>
            await addProjectMember(db, ctxFor(w.pm), {
              projectId: w.project.id,
              email: w.otherViewer.email,
              role: "client_viewer",
            }),
        ),
      ).toEqual({ code: "invalid_input", fields: ["email"] });
      expect(
        await refusal(
          async () =>
            await addProjectMember(db, ctxFor(w.pm), {
              projectId: w.project.id,
              userId: w.otherViewer.id,
              role: "client_viewer",
            }),
        ),
      ).toEqual({ code: "invalid_input", fields: ["userId"] });

      await removeProjectMember(db, ctxFor(w.pm), { projectId: w.project.id, userId: newcomer.id, role: "integrator" });
      expect((await listProjectMembers(db, w.pm, w.project.id)).find((m) => m.userId === newcomer.id)?.roles).toEqual([
        "team_member",
      ]);
      await removeProjectMember(db, ctxFor(w.pm), { projectId: w.project.id, userId: newcomer.id });
      expect((await listProjectMembers(db, w.pm, w.project.id)).find((m) => m.userId === newcomer.id)).toBeUndefined();
      expect(
        (
          await refusal(
            async () => await removeProjectMember(db, ctxFor(w.pm), { projectId: w.project.id, userId: newcomer.id }),
          )
        ).code,
      ).toBe("not_found");
      // The last PM stays, even when all their roles are removed at once.
      expect(
        (
          await refusal(
            async () => await removeProjectMember(db, ctxFor(w.pm), { projectId: w.project.id, userId: w.pm.id }),
          )
        ).code,
      ).toBe("rule_refused");
    },
  );
});

describe("board seats and planned dates", () => {
  it("seats a member on the remaining open gates too, with the same required flag, audited per gate", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const all = await gatesOf(db, w.project.id);
    const gate5 = all.find((g) => g.number === 5)!;
    const gate3 = all.find((g) => g.number === 3)!;
    // Gate 3's board is fixed: it is in review (the data stands in for a real submission).
    await db.update(gates).set({ status: "in_review" }).where(eq(gates.id, gate3.id));

    await setBoardSeat(db, ctxFor(w.pm), {
      projectId: w.project.id,
      number: 5,
      userId: w.boardMember.id,
      required: true,
      alsoOnRemainingGates: true,
    });
    const seatedOn: number[] = [];
    for (const n of [7, 6, 5, 4, 3, 2, 1]) {
      if ((await gateBoard(db, w.pm, w.project.id, n)).board.some((b) => b.userId === w.boardMember.id && b.required))
        seatedOn.push(n);
    }
    expect(seatedOn).toEqual([5, 4, 2, 1]);
    const added = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.projectId, w.project.id), eq(auditEvents.action, "gate.board.add")));
    expect(added.map((e) => (e.after as { number: number }).number).sort()).toEqual([1, 2, 4, 5]);
    expect((await gatesOf(db, w.project.id)).find((g) => g.number === 5)!.version).toBe(gate5.version + 1);

    expect(
      await refusal(
        async () =>
          await setBoardSeat(db, ctxFor(w.pm), {
            projectId: w.project.id,
            number: 3,
            userId: w.engineer.id,
            required: false,
          }),
      ),
    ).toEqual({ code: "rule_refused", fields: [] });
    expect(
      (
        await refusal(
          async () => await removeBoardSeat(db, ctxFor(w.pm), { projectId: w.project.id, number: 3, userId: w.pm.id }),
        )
      ).code,
    ).toBe("rule_refused");
  });

  it("refuses another organisation's client on a board, with 422 on userId, nothing written", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    expect(
      await refusal(
        async () =>
          await setBoardSeat(db, ctxFor(w.pm), {
            projectId: w.project.id,
            number: 7,
            userId: w.otherViewer.id,
            required: false,
            alsoOnRemainingGates: true,
          }),
      ),
    ).toEqual({
      code: "invalid_input",
      fields: ["userId"],
    });
    expect((await gateBoard(db, w.pm, w.project.id, 6)).board.some((b) => b.userId === w.otherViewer.id)).toBe(false);
  });

  it("refuses a planned date before the project starts", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    expect(
      await refusal(
        async () =>
          await setPlannedDate(db, ctxFor(w.pm), { projectId: w.project.id, number: 6, plannedDate: "2025-12-31" }),
      ),
    ).toEqual({ code: "invalid_input", fields: ["plannedDate"] });
    const { gate } = await setPlannedDate(db, ctxFor(w.pm), {
      projectId: w.project.id,
      number: 6,
      plannedDate: "2026-01-01",
      expectedVersion: 1,
    });
    expect(gate.plannedDate).toBe("2026-01-01");
  });

  it("keeps the note of a met condition in the audit trail", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const gate7 = (await gatesOf(db, w.project.id)).find((g) => g.number === 7)!;
    const condition = await one(
      db
        .insert(gateConditions)
        .values({ gateId: gate7.id, text: "Sign the SOW", ownerId: w.owner.id, dueDate: "2026-02-01" })
        .returning(),
    );
    await meetCondition(db, ctxFor(w.owner), {
      projectId: w.project.id,
      conditionId: condition.id,
      note: "Signed on 2026-01-20",
    });
    const event = await first(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.objectId, condition.id), eq(auditEvents.action, "gate.condition.meet"))),
    );
    expect(event?.after).toMatchObject({ status: "met", note: "Signed on 2026-01-20" });
  });
});

describe("nobody outside the project reaches it", () => {
  it.each<[string, (w: Awaited<ReturnType<typeof makeWorld>>) => Actor]>([
    ["a client of another organisation", (w) => w.otherViewer],
    ["vendor staff who are not members", (w) => w.outsiderStaff],
  ])("%s gets not_found from every new data function", async (_who, pick) => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const outsider = pick(w);
    const projectId = w.project.id;
    const gate7 = (await gatesOf(db, projectId)).find((g) => g.number === 7)!;
    const condition = await one(
      db
        .insert(gateConditions)
        .values({ gateId: gate7.id, text: "x", ownerId: w.pm.id, dueDate: "2026-02-01" })
        .returning(),
    );
    const calls: (() => unknown)[] = [
      async () => await listProjectMembers(db, outsider, projectId),
      async () =>
        await addProjectMember(db, ctxFor(outsider), {
          projectId,
          userId: outsider.id,
          role: outsider.role === "client" ? "client_viewer" : "team_member",
        }),
      async () => await removeProjectMember(db, ctxFor(outsider), { projectId, userId: w.engineer.id }),
      async () => await gateBoard(db, outsider, projectId, 7),
      async () =>
        await setBoardSeat(db, ctxFor(outsider), {
          projectId,
          number: 7,
          userId: outsider.id,
          required: false,
          alsoOnRemainingGates: true,
        }),
      async () => await removeBoardSeat(db, ctxFor(outsider), { projectId, number: 7, userId: w.pm.id }),
      async () => await setPlannedDate(db, ctxFor(outsider), { projectId, number: 7, plannedDate: "2026-03-01" }),
      async () => await meetCondition(db, ctxFor(outsider), { projectId, conditionId: condition.id, note: "done" }),
    ];
    for (const call of calls) expect((await refusal(call)).code).toBe("not_found");
    expect(
      await db
        .select()
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, outsider.id))),
    ).toEqual([]);
  });
});
