// Escalations over HTTP: each answer held to its declared schema and to the document.
import { beforeEach, describe, expect, it } from "vitest";
import * as escalationRoute from "@/app/api/v1/projects/[projectId]/escalations/[escalationId]/route";
import * as escalationsRoute from "@/app/api/v1/projects/[projectId]/escalations/route";
import type { Db } from "@/db/client";
import { getEscalationOp, listEscalationsOp, raiseEscalationOp, triageEscalationOp } from "@/lib/contract/escalations";
import { apiClient } from "@/lib/testing/api";
import { createTestDb } from "@/lib/testing/fixtures";
import { certifiedGuardian, makeReadinessWorld } from "@/lib/testing/readiness-fixtures";

let db: Db;
let w: Awaited<ReturnType<typeof makeReadinessWorld>>;
let api: ReturnType<typeof apiClient>;
let projectId: string;

type Page = { items: { id: string; title: string }[]; nextCursor: string | null };

beforeEach(async () => {
  db = await createTestDb();
  w = await makeReadinessWorld(db);
  api = apiClient(db);
  projectId = w.project.id;
  await certifiedGuardian(db, w);
});

const raise = async (title: string) =>
  await api.call(escalationsRoute.POST, raiseEscalationOp, {
    as: w.guardian,
    params: { projectId },
    body: { title, description: "Batch run halted at step 3.", severity: "high", blocking: true },
  });

describe("escalations over HTTP", () => {
  it("raises, lists page by page, reads and triages escalations", async () => {
    const ids: string[] = [];
    for (const title of ["E1", "E2", "E3"]) {
      const raised = await raise(title);
      expect(raised.status).toBe(201);
      expect(raised.body).toMatchObject({ title, status: "open", blocking: true, assigneeId: null });
      ids.push((raised.body as { id: string }).id);
    }
    const first = await api.call(escalationsRoute.GET, listEscalationsOp, {
      as: w.viewer,
      params: { projectId },
      query: { limit: 2 },
    });
    const page1 = first.body as Page;
    expect(page1.items).toHaveLength(2);
    const second = await api.call(escalationsRoute.GET, listEscalationsOp, {
      as: w.viewer,
      params: { projectId },
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    const page2 = second.body as Page;
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.items, ...page2.items].map((e) => e.id))).toEqual(new Set(ids));

    const escalationId = ids[0];
    const read = await api.call(escalationRoute.GET, getEscalationOp, {
      as: w.owner,
      params: { projectId, escalationId },
    });
    expect(read.body).toMatchObject({ id: escalationId, raisedBy: w.guardian.id, assigneeName: null });
    const triaged = await api.call(escalationRoute.PATCH, triageEscalationOp, {
      as: w.pm,
      params: { projectId, escalationId },
      body: { status: "triaged", assigneeId: w.engineer.id, expectedVersion: 1 },
    });
    expect(triaged.body).toMatchObject({ status: "triaged", assigneeId: w.engineer.id, version: 2 });
  });

  it("names each invalid field", async () => {
    const refused = await api.call(escalationsRoute.POST, raiseEscalationOp, {
      as: w.guardian,
      params: { projectId },
      body: { title: "", description: "x".repeat(5001), severity: "urgent" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      errors: { title: expect.any(Array), description: expect.any(Array), severity: expect.any(Array) },
    });
    const badCursor = await api.call(escalationsRoute.GET, listEscalationsOp, {
      as: w.pm,
      params: { projectId },
      query: { cursor: "nonsense" },
    });
    expect(badCursor.status).toBe(422);
    expect(badCursor.body).toMatchObject({ errors: { cursor: expect.any(Array) } });
  });

  it("another account cannot see or change the escalations", async () => {
    const escalationId = ((await raise("Mine")).body as { id: string }).id;
    for (const stranger of [w.otherViewer, w.outsiderStaff]) {
      const list = await api.call(escalationsRoute.GET, listEscalationsOp, { as: stranger, params: { projectId } });
      expect(list.status).toBe(404);
      const one = await api.call(escalationRoute.GET, getEscalationOp, {
        as: stranger,
        params: { projectId, escalationId },
      });
      expect(one.status).toBe(404);
    }
    const byViewer = await api.call(escalationRoute.PATCH, triageEscalationOp, {
      as: w.viewer,
      params: { projectId, escalationId },
      body: { status: "closed" },
    });
    expect(byViewer.status).toBe(403);
    const byStaff = await api.call(escalationsRoute.POST, raiseEscalationOp, {
      as: w.engineer,
      params: { projectId },
      body: { title: "Not mine to raise", description: "x", severity: "low" },
    });
    expect(byStaff.status).toBe(403);
    const unchanged = await api.call(escalationRoute.GET, getEscalationOp, {
      as: w.pm,
      params: { projectId, escalationId },
    });
    expect(unchanged.body).toMatchObject({ status: "open", version: 1 });
  });
});
