// The gate workflow over HTTP (gates, boards, artifacts, votes, the decision and its conditions):
// each answer held to its declared schema and to the document.
import { beforeEach, describe, expect, it } from "vitest";
import * as reviewRoute from "@/app/api/v1/projects/[projectId]/artifacts/[artifactId]/review/route";
import * as fileRoute from "@/app/api/v1/projects/[projectId]/artifacts/[artifactId]/versions/[versionId]/file/route";
import * as versionsRoute from "@/app/api/v1/projects/[projectId]/artifacts/[artifactId]/versions/route";
import * as meetRoute from "@/app/api/v1/projects/[projectId]/conditions/[conditionId]/meet/route";
import * as seatRoute from "@/app/api/v1/projects/[projectId]/gates/[number]/board/[userId]/route";
import * as boardRoute from "@/app/api/v1/projects/[projectId]/gates/[number]/board/route";
import * as decisionRoute from "@/app/api/v1/projects/[projectId]/gates/[number]/decision/route";
import * as gateRoute from "@/app/api/v1/projects/[projectId]/gates/[number]/route";
import * as submitRoute from "@/app/api/v1/projects/[projectId]/gates/[number]/submit/route";
import * as votesRoute from "@/app/api/v1/projects/[projectId]/gates/[number]/votes/route";
import * as gatesRoute from "@/app/api/v1/projects/[projectId]/gates/route";
import type { Db } from "@/db/client";
import { addArtifactVersionOp, downloadArtifactFileOp, reviewArtifactOp } from "@/lib/contract/artifacts";
import {
  castVoteOp,
  decideGateOp,
  getGateBoardOp,
  getGateOp,
  listGatesOp,
  meetConditionOp,
  planGateOp,
  removeBoardSeatOp,
  seatBoardMemberOp,
  submitGateOp,
} from "@/lib/contract/gates";
import { apiClient } from "@/lib/testing/api";
import { artifactsOfGate, makeGateWorld, type GateWorld } from "@/lib/testing/gate-fixtures";
import { createTestDb } from "@/lib/testing/fixtures";

let db: Db;
let w: GateWorld;
let api: ReturnType<typeof apiClient>;
let projectId: string;

beforeEach(async () => {
  db = await createTestDb();
  w = await makeGateWorld(db);
  api = apiClient(db);
  projectId = w.project.id;
});

type Page = { items: { number: number }[]; nextCursor: string | null; currentGate: number };

describe("gates over HTTP", () => {
  it("lists the gates page by page, and plans and reads one", async () => {
    const first = await api.call(gatesRoute.GET, listGatesOp, {
      as: w.viewer,
      params: { projectId },
      query: { limit: 3 },
    });
    const page1 = first.body as Page;
    expect([page1.currentGate, page1.items.map((g) => g.number)]).toEqual([7, [7, 6, 5]]);
    const second = await api.call(gatesRoute.GET, listGatesOp, {
      as: w.viewer,
      params: { projectId },
      query: { limit: 3, cursor: page1.nextCursor! },
    });
    expect((second.body as Page).items.map((g) => g.number)).toEqual([4, 3, 2]);
    const all = await api.call(gatesRoute.GET, listGatesOp, { as: w.viewer, params: { projectId } });
    expect((all.body as Page).items.map((g) => g.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect((all.body as Page).nextCursor).toBeNull();

    const planned = await api.call(gateRoute.PATCH, planGateOp, {
      as: w.pm,
      params: { projectId, number: "7" },
      body: { plannedDate: "2026-03-01", expectedVersion: 3 },
    });
    expect(planned.body).toMatchObject({ number: 7, plannedDate: "2026-03-01", version: 4, rounds: [] });
    // The answer reuses what the command read; it is the gate exactly as a fresh read shows it.
    const fresh = await api.call(gateRoute.GET, getGateOp, { as: w.pm, params: { projectId, number: "7" } });
    expect(planned.body).toEqual(fresh.body);
    const read = await api.call(gateRoute.GET, getGateOp, { as: w.viewer, params: { projectId, number: "7" } });
    expect(read.body).toMatchObject({ number: 7, status: "pending", rule: null, current: true });
  });

  it("seats and unseats board members", async () => {
    const params = { projectId, number: "6" };
    const seated = await api.call(boardRoute.POST, seatBoardMemberOp, {
      as: w.pm,
      params,
      body: { userId: w.integrator.id, required: true },
    });
    expect(seated.body).toMatchObject({
      number: 6,
      editable: true,
      board: expect.arrayContaining([expect.objectContaining({ userId: w.integrator.id, required: true })]),
    });
    const board = await api.call(boardRoute.GET, getGateBoardOp, { as: w.viewer, params });
    const seats = (board.body as { board: { userId: string }[] }).board.map((b) => b.userId);
    expect(seats).toContain(w.integrator.id);
    const removed = await api.call(seatRoute.DELETE, removeBoardSeatOp, {
      as: w.pm,
      params: { ...params, userId: w.integrator.id },
    });
    expect(removed.status).toBe(204);
    const after = await api.call(boardRoute.GET, getGateBoardOp, { as: w.viewer, params });
    const left = (after.body as { board: { userId: string }[] }).board.map((b) => b.userId);
    expect(left).toEqual(seats.filter((userId) => userId !== w.integrator.id));
  });

  it("takes a gate from its artifacts through review, votes and a conditional go to a met condition", async () => {
    const musts = (await artifactsOfGate(db, projectId, 7)).filter((a) => a.requirement === "must");
    const upload = new FormData();
    upload.set("file", new File(["The statement of work."], "sow.txt", { type: "text/plain" }));
    upload.set("note", "First draft");
    const uploaded = await api.call(versionsRoute.POST, addArtifactVersionOp, {
      as: w.engineer,
      params: { projectId, artifactId: musts[0].id },
      body: upload,
    });
    expect(uploaded.status).toBe(201);
    const version = (uploaded.body as { version: { id: string; kind: string; note: string } }).version;
    expect(version).toMatchObject({ kind: "file", note: "First draft" });
    const file = await api.call(fileRoute.GET, downloadArtifactFileOp, {
      as: w.viewer,
      params: { projectId, artifactId: musts[0].id, versionId: version.id },
    });
    expect([file.status, file.body]).toEqual([200, "The statement of work."]);
    for (const artifact of musts.slice(1)) {
      const added = await api.call(versionsRoute.POST, addArtifactVersionOp, {
        as: w.engineer,
        params: { projectId, artifactId: artifact.id },
        body: { markdown: `# ${artifact.title}` },
      });
      expect(added.body).toMatchObject({ artifact: { status: "submitted" }, version: { kind: "markdown" } });
    }
    for (const artifact of musts) {
      const reviewed = await api.call(reviewRoute.POST, reviewArtifactOp, {
        as: w.boardMember,
        params: { projectId, artifactId: artifact.id },
        body: { decision: "approve" },
      });
      expect(reviewed.body).toMatchObject({ artifact: { status: "approved" }, review: { decision: "approve" } });
    }

    const params = { projectId, number: "7" };
    const submitted = await api.call(submitRoute.POST, submitGateOp, { as: w.pm, params, body: {} });
    expect(submitted.body).toMatchObject({ status: "in_review", rule: { met: false } });
    for (const voter of [w.pm, w.owner]) {
      const voted = await api.call(votesRoute.POST, castVoteOp, {
        as: voter,
        params,
        body: { vote: "go", rationale: "Ready." },
      });
      expect(voted.body).toMatchObject({ number: 7, round: 1, userId: voter.id, vote: "go" });
    }
    const decided = await api.call(decisionRoute.POST, decideGateOp, {
      as: w.owner,
      params,
      body: {
        decision: "conditional_go",
        rationale: "Go, with the DPA.",
        conditions: [{ text: "Sign the data processing agreement", ownerId: w.owner.id, dueDate: "2026-12-01" }],
      },
    });
    const gate = decided.body as { status: string; conditions: { id: string }[] };
    expect(gate.status).toBe("conditional_go");
    const met = await api.call(meetRoute.POST, meetConditionOp, {
      as: w.owner,
      params: { projectId, conditionId: gate.conditions[0].id },
      body: { note: "Signed on paper." },
    });
    expect(met.body).toMatchObject({ status: "met", note: "Signed on paper." });
  });

  it("names each invalid field, the limits the document shows", async () => {
    const params = { projectId, number: "7" };
    const vote = await api.call(votesRoute.POST, castVoteOp, {
      as: w.owner,
      params,
      body: { vote: "maybe", rationale: "x".repeat(2001) },
    });
    expect(vote.status).toBe(422);
    expect(vote.body).toMatchObject({ errors: { vote: expect.any(Array), rationale: expect.any(Array) } });
    const condition = { text: "x".repeat(501), ownerId: w.owner.id, dueDate: "2026-12-01" };
    const decision = await api.call(decisionRoute.POST, decideGateOp, {
      as: w.owner,
      params,
      body: { decision: "go", rationale: "ok", conditions: Array.from({ length: 21 }, () => condition) },
    });
    expect(decision.status).toBe(422);
    expect(Object.keys((decision.body as { errors: object }).errors)).toContain("conditions");
    const badNumber = await api.call(gateRoute.GET, getGateOp, { as: w.pm, params: { projectId, number: "13" } });
    expect(badNumber.status).toBe(422);
    expect(badNumber.body).toMatchObject({ errors: { number: expect.any(Array) } });
    const badCursor = await api.call(gatesRoute.GET, listGatesOp, {
      as: w.pm,
      params: { projectId },
      query: { cursor: "x" },
    });
    expect(badCursor.status).toBe(422);
    expect(badCursor.body).toMatchObject({ errors: { cursor: expect.any(Array) } });
    const noFile = new FormData();
    noFile.set("note", "no file");
    const [artifact] = await artifactsOfGate(db, projectId, 7);
    const upload = await api.call(versionsRoute.POST, addArtifactVersionOp, {
      as: w.engineer,
      params: { projectId, artifactId: artifact.id },
      body: noFile,
    });
    expect(upload.status).toBe(422);
    expect(upload.body).toMatchObject({ errors: { file: expect.any(Array) } });
  });

  it("another account cannot see or change the project's gates", async () => {
    const params = { projectId, number: "7" };
    for (const stranger of [w.otherViewer, w.outsiderStaff]) {
      expect((await api.call(gatesRoute.GET, listGatesOp, { as: stranger, params: { projectId } })).status).toBe(404);
      expect((await api.call(gateRoute.GET, getGateOp, { as: stranger, params })).status).toBe(404);
      expect((await api.call(boardRoute.GET, getGateBoardOp, { as: stranger, params })).status).toBe(404);
    }
    const byViewer = await api.call(gateRoute.PATCH, planGateOp, {
      as: w.viewer,
      params,
      body: { plannedDate: "2026-03-01" },
    });
    expect(byViewer.status).toBe(403);
    const seatByViewer = await api.call(boardRoute.POST, seatBoardMemberOp, {
      as: w.viewer,
      params,
      body: { userId: w.viewer.id, required: false },
    });
    expect(seatByViewer.status).toBe(403);
    const unchanged = await api.call(gateRoute.GET, getGateOp, { as: w.pm, params });
    expect(unchanged.body).toMatchObject({ plannedDate: null, board: { length: 3 } });
  });
});
