import { and, eq } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { databaseDialect } from "@/db/url";
import { openDatabase, type Db, first as firstRow, closeDatabase } from "@/db/client";
import { artifacts, auditEvents, gateDecisions, gates, notifications, projects, users } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit";
import { setBoardSeat } from "@/lib/data/gate-board";
import { gateDetail, listGates } from "@/lib/data/gate-views";
import { castVote, decideGate, meetCondition, submitGate } from "@/lib/data/gates";
import { myReviews } from "@/lib/data/my-reviews";
import { nextStepOf } from "@/lib/data/next-step";
import { addArtifactVersion } from "@/lib/data/artifacts";
import { ctxFor, createTestDb, makeWorld } from "@/lib/testing/fixtures";
import {
  approveMustArtifacts,
  artifactsOfGate,
  gateRow,
  makeGateWorld,
  refusalOf,
  submitMustArtifacts,
  type GateWorld,
} from "@/lib/testing/gate-fixtures";

let db: Db;
let w: GateWorld;
let pid: string;

beforeEach(async () => {
  db = await createTestDb();
  w = await makeGateWorld(db);
  pid = w.project.id;
});

const ready = async () => {
  await submitMustArtifacts(db, w);
  await approveMustArtifacts(db, w);
  await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 });
};
const voteGo = async (...voters: (keyof GateWorld)[]) => {
  for (const v of voters)
    await castVote(db, ctxFor(w[v] as never), { projectId: pid, number: 7, vote: "go", rationale: "Ready." });
};
const project = async () => (await firstRow(db.select().from(projects).where(eq(projects.id, pid))))!;

describe("submit", () => {
  it("is refused with exactly the missing must artifacts", async () => {
    const error = await refusalOf(async () => await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 }));
    expect([error.status, error.reason]).toEqual([409, "gate_missing_requirements"]);
    const titles = (error.details?.missing as { title: string }[]).map((m) => m.title);
    expect(titles).toEqual([
      "Statement of Work",
      "Implementation concept (objectives, results, timelines, methods, deliverables)",
      "Governance plan (board, steering committee, product owners)",
    ]);
    expect((await gateRow(db, pid, 7)).status).toBe("pending");
  });

  it("is for the PM only and for the current gate only", async () => {
    await submitMustArtifacts(db, w);
    expect(
      (await refusalOf(async () => await submitGate(db, ctxFor(w.engineer), { projectId: pid, number: 7 }))).status,
    ).toBe(403);
    expect(
      (await refusalOf(async () => await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 6 }))).reason,
    ).toBe("not_current_gate");
    await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 });
    expect((await gateRow(db, pid, 7)).status).toBe("in_review");
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, w.owner.id), eq(notifications.kind, "gate_submitted"))),
    ).toHaveLength(1);
  });
});

describe("a board that cannot decide", () => {
  it("a new project with the PM alone on the board cannot submit gate 7, and nothing is written", async () => {
    const fresh = await makeWorld(db);
    const gate7 = async () => await gateRow(db, fresh.project.id, 7);
    expect((await gateDetail(db, fresh.pm, fresh.project.id, 7)).gate.board.map((b) => b.userId)).toEqual([
      fresh.pm.id,
    ]);
    for (const a of (await artifactsOfGate(db, fresh.project.id, 7)).filter((a) => a.requirement === "must")) {
      await addArtifactVersion(db, ctxFor(fresh.pm), {
        projectId: fresh.project.id,
        artifactId: a.id,
        source: { kind: "markdown", markdown: "Draft." },
      });
    }
    const before = { version: (await gate7()).version, audit: (await db.select().from(auditEvents)).length };
    const refused = await refusalOf(
      async () => await submitGate(db, ctxFor(fresh.pm), { projectId: fresh.project.id, number: 7 }),
    );
    expect([refused.status, refused.reason]).toEqual([409, "board_cannot_decide"]);
    expect(refused.message).toBe(
      `Gate 7's board needs a member besides ${fresh.pm.name}, who submits it and wrote the submitted versions.`,
    );
    expect(refused.details?.missing).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "board", problem: "only_submitter", userId: fresh.pm.id }),
      ]),
    );
    expect([(await gate7()).status, (await gate7()).version, (await db.select().from(auditEvents)).length]).toEqual([
      "pending",
      before.version,
      before.audit,
    ]);
    // Seating the client owner (who did not write the versions) lets the board decide.
    await setBoardSeat(db, ctxFor(fresh.pm), {
      projectId: fresh.project.id,
      number: 7,
      userId: fresh.owner.id,
      required: true,
    });
    await submitGate(db, ctxFor(fresh.pm), { projectId: fresh.project.id, number: 7 });
    expect((await gate7()).status).toBe("in_review");
  });

  it(
    "the overview's next step shows the same diagnosis to the PM before submission; only the PM and admins get " + "it",
    async () => {
      const fresh = await makeWorld(db);
      const step = (await nextStepOf(db, fresh.pm, fresh.project.id))!;
      expect(step.stage).toBe("prepare");
      expect(step.items.map((i) => i.kind)).toEqual([
        "artifact_missing",
        "artifact_missing",
        "artifact_missing",
        "board",
      ]);
      expect(step.items.at(-1)).toMatchObject({
        kind: "board",
        message: `Gate 7's board needs a member besides ${fresh.pm.name}, who submits it.`,
      });
      expect((await nextStepOf(db, fresh.admin, fresh.project.id))?.stage).toBe("prepare");
      expect(await nextStepOf(db, fresh.engineer, fresh.project.id)).toBeNull();
      expect((await refusalOf(async () => await nextStepOf(db, fresh.otherViewer, fresh.project.id))).status).toBe(404);
      await submitMustArtifacts(db, w);
      expect((await nextStepOf(db, w.pm, pid))?.stage).toBe("ready_to_submit");
    },
  );

  it("a quorum larger than the board and a required member who cannot sign in are refused", async () => {
    await db
      .update(gates)
      .set({ decisionRule: "quorum", quorum: 4 })
      .where(eq(gates.id, (await gateRow(db, pid, 7)).id));
    await submitMustArtifacts(db, w);
    const quorum = await refusalOf(async () => await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 }));
    expect(quorum.reason).toBe("board_cannot_decide");
    expect(quorum.message).toContain("needs 4 votes in favour but only 3 members can vote");
    await db
      .update(gates)
      .set({ decisionRule: "unanimous", quorum: null })
      .where(eq(gates.id, (await gateRow(db, pid, 7)).id));
    await db.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, w.owner.id));
    expect(
      (await refusalOf(async () => await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 }))).message,
    ).toContain(`${w.owner.name} is a required member but can no longer sign in`);
  });

  it("an approval rule naming a role nobody on the board holds is refused before the board locks", async () => {
    const mvp = (await artifactsOfGate(db, pid, 7)).find((a) => a.requirement === "must")!;
    await db
      .update(artifacts)
      .set({ approverRoles: ["guardian"] })
      .where(eq(artifacts.id, mvp.id));
    await submitMustArtifacts(db, w);
    const refused = await refusalOf(async () => await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 }));
    expect(refused.reason).toBe("board_cannot_decide");
    expect(refused.message).toContain(
      `“${mvp.title}” needs the approval of a guardian on the board other than ${w.engineer.name}, who wrote it`,
    );
    await setBoardSeat(db, ctxFor(w.pm), { projectId: pid, number: 7, userId: w.guardian.id, required: false });
    await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 });
  });
});

describe("the path to go", () => {
  it("walks gate 7 to go and makes gate 6 current, audited on an intact chain", async () => {
    await ready();
    await voteGo("pm", "owner");
    await decideGate(db, ctxFor(w.owner), {
      projectId: pid,
      number: 7,
      decision: "go",
      rationale: "All agreed.",
      conditions: [],
    });
    expect((await gateRow(db, pid, 7)).status).toBe("go");
    expect((await project()).currentGate).toBe(6);
    const { gates } = await listGates(db, w.viewer, pid);
    expect(gates.find((g) => g.current)?.number).toBe(6);
    const actions = (
      await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.projectId, pid))
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "artifact.version.add",
        "artifact.approve",
        "gate.submit",
        "gate.vote",
        "gate.decide",
        "project.gate_advance",
      ]),
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, w.viewer.id), eq(notifications.kind, "gate_decided"))),
    ).toHaveLength(1);
  });

  it("refuses a premature go: artifacts not approved, then the rule not met", async () => {
    await submitMustArtifacts(db, w);
    await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 });
    await voteGo("pm", "owner");
    const notApproved = await refusalOf(
      async () =>
        await decideGate(db, ctxFor(w.owner), {
          projectId: pid,
          number: 7,
          decision: "go",
          rationale: "x",
          conditions: [],
        }),
    );
    expect([notApproved.status, notApproved.reason]).toEqual([409, "artifacts_not_approved"]);
    await approveMustArtifacts(db, w);
    await castVote(db, ctxFor(w.owner), { projectId: pid, number: 7, vote: "hold", rationale: "Changed my mind." });
    const ruleNotMet = await refusalOf(
      async () =>
        await decideGate(db, ctxFor(w.owner), {
          projectId: pid,
          number: 7,
          decision: "go",
          rationale: "x",
          conditions: [],
        }),
    );
    expect([ruleNotMet.status, ruleNotMet.reason]).toEqual([409, "decision_rule_not_met"]);
    expect((await gateRow(db, pid, 7)).status).toBe("in_review");
  });

  it("keeps one vote per member per round, changeable until the decision", async () => {
    await ready();
    await castVote(db, ctxFor(w.owner), { projectId: pid, number: 7, vote: "hold", rationale: "Wait." });
    await castVote(db, ctxFor(w.pm), { projectId: pid, number: 7, vote: "go", rationale: "Mine." });
    await castVote(db, ctxFor(w.owner), { projectId: pid, number: 7, vote: "go", rationale: "Fine now." });
    const votes = (await listGates(db, w.pm, pid)).gates.find((g) => g.number === 7)!.votes;
    expect(votes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: w.owner.id, vote: "go", rationale: "Fine now." }),
        expect.objectContaining({ userId: w.pm.id, vote: "go", rationale: "Mine." }),
      ]),
    );
    // The trail says what each vote replaced: the member's own earlier vote, never another's.
    const trail = await db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, before: auditEvents.before })
      .from(auditEvents)
      .where(and(eq(auditEvents.projectId, pid), eq(auditEvents.objectType, "gate")))
      .orderBy(auditEvents.seq);
    expect(trail.filter((e) => e.action.startsWith("gate.vote"))).toEqual([
      { action: "gate.vote", actorId: w.owner.id, before: null },
      { action: "gate.vote", actorId: w.pm.id, before: null },
      { action: "gate.vote.change", actorId: w.owner.id, before: { vote: "hold", rationale: "Wait." } },
    ]);
  });
});

describe("who may", () => {
  it("refuses a vote and a decision from a non-board member with 403", async () => {
    await ready();
    expect(
      (
        await refusalOf(
          async () => await castVote(db, ctxFor(w.engineer), { projectId: pid, number: 7, vote: "go", rationale: "x" }),
        )
      ).status,
    ).toBe(403);
    await voteGo("pm", "owner");
    expect(
      (
        await refusalOf(
          async () =>
            await decideGate(db, ctxFor(w.engineer), {
              projectId: pid,
              number: 7,
              decision: "go",
              rationale: "x",
              conditions: [],
            }),
        )
      ).status,
    ).toBe(403);
  });

  it("another organisation's client cannot see or change the gates (404)", async () => {
    await ready();
    expect((await refusalOf(async () => await listGates(db, w.otherViewer, pid))).status).toBe(404);
    expect((await refusalOf(async () => await gateDetail(db, w.otherViewer, pid, 7))).status).toBe(404);
    expect(
      (
        await refusalOf(
          async () =>
            await castVote(db, ctxFor(w.otherViewer), { projectId: pid, number: 7, vote: "go", rationale: "x" }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await refusalOf(
          async () =>
            await decideGate(db, ctxFor(w.otherViewer), {
              projectId: pid,
              number: 7,
              decision: "kill",
              rationale: "x",
              conditions: [],
            }),
        )
      ).status,
    ).toBe(404);
    expect(
      (await refusalOf(async () => await submitGate(db, ctxFor(w.outsiderStaff), { projectId: pid, number: 7 })))
        .status,
    ).toBe(404);
  });

  it("never seats another organisation's client, and locks the board while in review", async () => {
    const other = await refusalOf(
      async () =>
        await setBoardSeat(db, ctxFor(w.pm), { projectId: pid, number: 7, userId: w.otherViewer.id, required: false }),
    );
    expect(other.status).toBe(422);
    await ready();
    expect(
      (
        await refusalOf(
          async () =>
            await setBoardSeat(db, ctxFor(w.pm), { projectId: pid, number: 7, userId: w.guardian.id, required: false }),
        )
      ).reason,
    ).toBe("board_locked");
  });

  it("a board seat alone lets a staff member read the project and vote", async () => {
    await ready();
    expect((await myReviews(db, w.boardMember)).votesNeeded.map((g) => g.number)).toEqual([7]);
    await castVote(db, ctxFor(w.boardMember), { projectId: pid, number: 7, vote: "go", rationale: "ok" });
    expect((await myReviews(db, w.boardMember)).votesNeeded).toEqual([]);
  });
});

describe("other decisions", () => {
  const condition = () => ({ text: "Sign the data processing agreement", ownerId: w.owner.id, dueDate: "2026-12-01" });

  it("conditional go: its open conditions block gate 6 until met", async () => {
    await ready();
    await voteGo("pm", "owner");
    const noCondition = await refusalOf(
      async () =>
        await decideGate(db, ctxFor(w.owner), {
          projectId: pid,
          number: 7,
          decision: "conditional_go",
          rationale: "x",
          conditions: [],
        }),
    );
    expect(noCondition.reason).toBe("conditions_required");
    const badOwner = await refusalOf(
      async () =>
        await decideGate(db, ctxFor(w.owner), {
          projectId: pid,
          number: 7,
          decision: "conditional_go",
          rationale: "x",
          conditions: [{ ...condition(), ownerId: w.outsiderStaff.id }],
        }),
    );
    expect(badOwner.status).toBe(422);
    await decideGate(db, ctxFor(w.owner), {
      projectId: pid,
      number: 7,
      decision: "conditional_go",
      rationale: "Go, with the DPA.",
      conditions: [condition()],
    });
    expect((await project()).currentGate).toBe(6);
    await submitMustArtifacts(db, w, 6);
    const blocked = await refusalOf(async () => await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 6 }));
    expect(blocked.reason).toBe("gate_missing_requirements");
    expect(blocked.details?.missing).toEqual([
      expect.objectContaining({ kind: "condition", text: "Sign the data processing agreement" }),
    ]);
    const conditionId = (await listGates(db, w.pm, pid)).gates.find((g) => g.number === 7)!.conditions[0].id;
    expect(
      (await refusalOf(async () => await meetCondition(db, ctxFor(w.engineer), { projectId: pid, conditionId })))
        .status,
    ).toBe(403);
    await meetCondition(db, ctxFor(w.owner), { projectId: pid, conditionId });
    // Gate 6's board starts with the PM alone (the owner joined after creation): it cannot decide.
    expect(
      (await refusalOf(async () => await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 6 }))).reason,
    ).toBe("board_cannot_decide");
    await setBoardSeat(db, ctxFor(w.pm), { projectId: pid, number: 6, userId: w.owner.id, required: true });
    await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 6 });
    expect((await gateRow(db, pid, 6)).status).toBe("in_review");
  });

  it("recycle reopens the gate in a new round; artifacts stay; history keeps round 1", async () => {
    await ready();
    await voteGo("pm");
    await decideGate(db, ctxFor(w.owner), {
      projectId: pid,
      number: 7,
      decision: "recycle",
      rationale: "Rework the concept.",
    });
    const gate = await gateRow(db, pid, 7);
    expect([gate.status, gate.round]).toEqual(["pending", 2]);
    const detail = await gateDetail(db, w.pm, pid, 7);
    expect(detail.gate.votes).toEqual([]);
    expect(detail.gate.artifacts.filter((a) => a.requirement === "must").every((a) => a.status === "approved")).toBe(
      true,
    );
    expect(detail.rounds).toEqual([
      expect.objectContaining({ round: 1, decision: expect.objectContaining({ decision: "recycle" }) }),
    ]);
    await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 });
    expect((await gateRow(db, pid, 7)).round).toBe(2);
  });

  it("hold pauses the project; resubmitting resumes it", async () => {
    await ready();
    await decideGate(db, ctxFor(w.pm), {
      projectId: pid,
      number: 7,
      decision: "hold",
      rationale: "Client tender pending.",
    });
    expect([(await project()).status, (await gateRow(db, pid, 7)).status]).toEqual(["on_hold", "hold"]);
    expect(
      (
        await refusalOf(
          async () => await castVote(db, ctxFor(w.owner), { projectId: pid, number: 7, vote: "go", rationale: "x" }),
        )
      ).reason,
    ).toBe("gate_not_in_review");
    await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 });
    expect([(await project()).status, (await gateRow(db, pid, 7)).status]).toEqual(["active", "in_review"]);
  });

  it("kill ends the project", async () => {
    await ready();
    await decideGate(db, ctxFor(w.owner), {
      projectId: pid,
      number: 7,
      decision: "kill",
      rationale: "Contract cancelled.",
    });
    expect([(await project()).status, (await gateRow(db, pid, 7)).status]).toEqual(["killed", "killed"]);
    expect(
      (await refusalOf(async () => await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 }))).reason,
    ).toBe("project_read_only");
  });

  it("go on gate 1 closes the project", async () => {
    await db.update(projects).set({ currentGate: 1 }).where(eq(projects.id, pid));
    await setBoardSeat(db, ctxFor(w.pm), { projectId: pid, number: 1, userId: w.boardMember.id, required: false });
    await submitMustArtifacts(db, w, 1);
    await approveMustArtifacts(db, w, 1);
    await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 1 });
    await castVote(db, ctxFor(w.pm), { projectId: pid, number: 1, vote: "go", rationale: "Done." });
    await castVote(db, ctxFor(w.boardMember), { projectId: pid, number: 1, vote: "go", rationale: "Done." });
    await decideGate(db, ctxFor(w.pm), {
      projectId: pid,
      number: 1,
      decision: "go",
      rationale: "Lessons recorded.",
      conditions: [],
    });
    expect([(await project()).status, (await project()).currentGate]).toEqual(["closed", 1]);
  });
});

describe("races", () => {
  it("two decisions on the same picture: one applied, the other 409", async () => {
    await ready();
    await voteGo("pm", "owner");
    const seen = (await gateRow(db, pid, 7)).version;
    await decideGate(db, ctxFor(w.owner), {
      projectId: pid,
      number: 7,
      decision: "go",
      rationale: "Go.",
      conditions: [],
      expectedVersion: seen,
    });
    const second = await refusalOf(
      async () =>
        await decideGate(db, ctxFor(w.pm), {
          projectId: pid,
          number: 7,
          decision: "kill",
          rationale: "Kill.",
          conditions: [],
          expectedVersion: seen,
        }),
    );
    expect([second.status, second.reason]).toEqual([409, "stale_version"]);
    // Without a version the second decision meets a decided gate: still 409.
    const third = await refusalOf(
      async () =>
        await decideGate(db, ctxFor(w.pm), {
          projectId: pid,
          number: 7,
          decision: "kill",
          rationale: "Kill.",
          conditions: [],
        }),
    );
    expect(third.status).toBe(409);
    expect(await db.select().from(gateDecisions)).toHaveLength(1);
    expect((await project()).status).toBe("active");
  });

  it("a vote racing the decision: whichever comes second is refused 409", async () => {
    await ready();
    await voteGo("pm", "owner");
    const seen = (await gateRow(db, pid, 7)).version;
    await castVote(db, ctxFor(w.boardMember), {
      projectId: pid,
      number: 7,
      vote: "go",
      rationale: "Late, but in favour.",
    });
    const decision = await refusalOf(
      async () =>
        await decideGate(db, ctxFor(w.owner), {
          projectId: pid,
          number: 7,
          decision: "go",
          rationale: "Go.",
          conditions: [],
          expectedVersion: seen,
        }),
    );
    expect([decision.status, decision.reason]).toEqual([409, "stale_version"]);
    await decideGate(db, ctxFor(w.owner), {
      projectId: pid,
      number: 7,
      decision: "go",
      rationale: "Go.",
      conditions: [],
    });
    const lateVote = await refusalOf(
      async () =>
        await castVote(db, ctxFor(w.boardMember), { projectId: pid, number: 7, vote: "hold", rationale: "Too late." }),
    );
    expect([lateVote.status, lateVote.reason]).toEqual([409, "gate_not_in_review"]);
  });

  it("a refused decision leaves nothing half-written", async () => {
    await ready();
    await voteGo("pm", "owner");
    const before = (await db.select().from(auditEvents)).length;
    await refusalOf(
      async () =>
        await decideGate(db, ctxFor(w.owner), {
          projectId: pid,
          number: 7,
          decision: "conditional_go",
          rationale: "x",
          conditions: [{ text: "t", ownerId: w.outsiderStaff.id, dueDate: "2026-12-01" }],
        }),
    );
    expect((await db.select().from(auditEvents)).length).toBe(before);
    expect(await db.select().from(gateDecisions)).toHaveLength(0);
    expect((await gateRow(db, pid, 7)).status).toBe("in_review");
  });

  // SQLite files only; two instances on one PostgreSQL database are the multi-instance test.
  it.skipIf(databaseDialect() === "postgres")(
    "two connections to one database file: the second decision on the same picture is refused",
    async () => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), "lightgate-race-")), "race.db");
      const first = openDatabase(file);
      const second = openDatabase(file);
      db = first;
      w = await makeGateWorld(first);
      pid = w.project.id;
      await ready();
      await voteGo("pm", "owner");
      const seenByBoth = (await gateRow(second, pid, 7)).version;
      await decideGate(first, ctxFor(w.owner), {
        projectId: pid,
        number: 7,
        decision: "go",
        rationale: "Go.",
        expectedVersion: seenByBoth,
      });
      const refused = await refusalOf(
        async () =>
          await decideGate(second, ctxFor(w.pm), {
            projectId: pid,
            number: 7,
            decision: "hold",
            rationale: "Hold.",
            expectedVersion: seenByBoth,
          }),
      );
      expect(refused.status).toBe(409);
      expect((await gateRow(second, pid, 7)).status).toBe("go");
      expect(await second.select().from(gateDecisions)).toHaveLength(1);
      await closeDatabase(first);
      await closeDatabase(second);
    },
  );
});
