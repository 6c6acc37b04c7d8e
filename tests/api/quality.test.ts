// The quality operations over HTTP: recommendation, a sprint's selection, evidence (JSON and a
// file), escaped defects, the project's history page by page, and the evidence file's download.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as evidenceFileRoute from "@/app/api/v1/projects/[projectId]/quality/evidence/[evidenceId]/file/route";
import * as historyRoute from "@/app/api/v1/projects/[projectId]/quality/route";
import * as defectsRoute from "@/app/api/v1/projects/[projectId]/sprints/[sprintId]/escaped-defects/route";
import * as evidenceRoute from "@/app/api/v1/projects/[projectId]/sprints/[sprintId]/evidence/route";
import * as qualityRoute from "@/app/api/v1/projects/[projectId]/sprints/[sprintId]/quality/route";
import * as recommendRoute from "@/app/api/v1/quality/recommend/route";
import type { Db } from "@/db/client";
import {
  downloadEvidenceFileOp,
  getSprintQualityOp,
  listQualityHistoryOp,
  recommendQualityOp,
  recordEscapedDefectsOp,
  recordSprintEvidenceOp,
  selectSprintQualityOp,
} from "@/lib/contract/quality";
import { ensureDefaultQualityScale } from "@/lib/data/quality-scale";
import { apiClient } from "@/lib/testing/api";
import { plannedSprint, SMALL_CHANGE } from "@/lib/testing/delivery-fixtures";
import { createTestDb, makeWorld } from "@/lib/testing/fixtures";

beforeAll(() => {
  process.env.LIGHTGATE_DATA_DIR = mkdtempSync(path.join(tmpdir(), "lightgate-api-quality-"));
});

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;
let api: ReturnType<typeof apiClient>;

beforeEach(async () => {
  db = await createTestDb();
  await ensureDefaultQualityScale(db);
  world = await makeWorld(db);
  api = apiClient(db);
});

const RISKY = { ...SMALL_CHANGE, changeSize: "large", touchesRating: true, includesMigration: true };

type Selection = { chosenLevel: string; selectedAt: string; activities: { key: string }[] };

describe("quality over HTTP", () => {
  it("recommends a level, with the project's escaped defects when asked", async () => {
    const plain = await api.call(recommendRoute.POST, recommendQualityOp, {
      as: world.engineer,
      body: { answers: RISKY },
    });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ escapedDefects: null, reasons: expect.any(Array) });
    const small = await api.call(recommendRoute.POST, recommendQualityOp, {
      as: world.engineer,
      body: { answers: { changeSize: "small" }, projectId: world.project.id },
    });
    expect(small.body).toMatchObject({ level: "QS0", escapedDefects: 0 });
    expect((plain.body as { points: number }).points).toBeGreaterThan((small.body as { points: number }).points);
  });

  it("selects a standard, records evidence and defects, reads the sprint and the history", async () => {
    const projectId = world.project.id;
    const sprints = [];
    for (const n of [1, 2, 3]) sprints.push(await plannedSprint(db, world, n));
    const sprintId = sprints[0].id;
    const before = await api.call(qualityRoute.GET, getSprintQualityOp, {
      as: world.viewer,
      params: { projectId, sprintId },
    });
    expect(before.body).toMatchObject({ selection: null, inheritedFrom: null, missing: [{ key: "quality_level" }] });

    const selected = await api.call(qualityRoute.POST, selectSprintQualityOp, {
      as: world.engineer,
      params: { projectId, sprintId },
      body: { answers: SMALL_CHANGE, chosenLevel: "QS0", expectedSelectedAt: "" },
    });
    expect(selected.status).toBe(201);
    const selection = (selected.body as { selection: Selection }).selection;
    expect(selection.chosenLevel).toBe("QS0");
    const [first, ...rest] = selection.activities;

    const upload = new FormData();
    upload.set("activityKey", first.key);
    upload.set("result", "passed");
    upload.set("file", new File(["All 12 smoke tests passed."], "smoke report.txt", { type: "text/plain" }));
    const withFile = await api.call(evidenceRoute.POST, recordSprintEvidenceOp, {
      as: world.engineer,
      params: { projectId, sprintId },
      body: upload,
    });
    expect(withFile.status).toBe(201);
    expect(withFile.body).toMatchObject({ result: "passed", file: { name: "smoke report.txt" } });
    for (const activity of rest) {
      const linked = await api.call(evidenceRoute.POST, recordSprintEvidenceOp, {
        as: world.engineer,
        params: { projectId, sprintId },
        body: { activityKey: activity.key, result: "waived", reason: "Covered by the vendor's release tests." },
      });
      expect(linked.body).toMatchObject({ result: "waived", file: null });
    }

    const defects = await api.call(defectsRoute.PUT, recordEscapedDefectsOp, {
      as: world.pm,
      params: { projectId, sprintId },
      body: { escapedDefects: 2 },
    });
    expect(defects.body).toMatchObject({ id: sprintId, escapedDefects: 2 });

    const after = await api.call(qualityRoute.GET, getSprintQualityOp, {
      as: world.owner,
      params: { projectId, sprintId },
    });
    const view = after.body as {
      missing: unknown[];
      selection: { activities: { latest: { file: { href: string } | null } }[] };
    };
    expect(view.missing).toEqual([]);
    const href = view.selection.activities[0].latest.file!.href;
    const evidenceId = href.split("/").at(-2)!;
    const file = await api.call(evidenceFileRoute.GET, downloadEvidenceFileOp, {
      as: world.viewer,
      params: { projectId, evidenceId },
    });
    expect(file.status).toBe(200);
    expect(file.response.headers.get("content-disposition")).toContain("attachment");
    expect(file.body).toBe("All 12 smoke tests passed.");

    const page1 = await api.call(historyRoute.GET, listQualityHistoryOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2 },
    });
    const history1 = page1.body as { items: { number: number; selection: Selection | null }[]; nextCursor: string };
    expect(history1.items.map((s) => [s.number, s.selection?.chosenLevel ?? null])).toEqual([
      [3, null],
      [2, null],
    ]);
    const page2 = await api.call(historyRoute.GET, listQualityHistoryOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2, cursor: history1.nextCursor },
    });
    expect(page2.body).toMatchObject({ items: [{ number: 1, selection: { chosenLevel: "QS0" } }], nextCursor: null });
  });

  it("names each invalid field and refuses a bad cursor", async () => {
    const projectId = world.project.id;
    const sprintId = (await plannedSprint(db, world)).id;
    const recommend = await api.call(recommendRoute.POST, recommendQualityOp, {
      as: world.pm,
      body: { answers: { changeSize: "huge" } },
    });
    expect(recommend.status).toBe(422);
    const selection = await api.call(qualityRoute.POST, selectSprintQualityOp, {
      as: world.pm,
      params: { projectId, sprintId },
      body: { answers: { changeSize: "small" }, chosenLevel: "gold" },
    });
    expect(selection.body).toMatchObject({ code: "invalid_input", errors: { chosenLevel: expect.any(Array) } });
    const evidence = await api.call(evidenceRoute.POST, recordSprintEvidenceOp, {
      as: world.pm,
      params: { projectId, sprintId },
      body: { activityKey: "smoke_test", result: "maybe", link: "ftp://x" },
    });
    expect(evidence.body).toMatchObject({ errors: { result: expect.any(Array), link: expect.any(Array) } });
    const defects = await api.call(defectsRoute.PUT, recordEscapedDefectsOp, {
      as: world.pm,
      params: { projectId, sprintId },
      body: { escapedDefects: -1 },
    });
    expect(defects.body).toMatchObject({ errors: { escapedDefects: expect.any(Array) } });
    const badCursor = await api.call(historyRoute.GET, listQualityHistoryOp, {
      as: world.pm,
      params: { projectId },
      query: { cursor: "x" },
    });
    expect(badCursor.body).toMatchObject({ errors: { cursor: expect.any(Array) } });
  });

  it("another account cannot see or change the sprint's quality", async () => {
    const projectId = world.project.id;
    const sprintId = (await plannedSprint(db, world)).id;
    const body = { answers: SMALL_CHANGE, chosenLevel: "QS0" };
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      const params = { projectId, sprintId };
      expect((await api.call(qualityRoute.GET, getSprintQualityOp, { as: stranger, params })).status).toBe(404);
      expect((await api.call(qualityRoute.POST, selectSprintQualityOp, { as: stranger, params, body })).status).toBe(
        404,
      );
      expect(
        (await api.call(historyRoute.GET, listQualityHistoryOp, { as: stranger, params: { projectId } })).status,
      ).toBe(404);
      const recommend = await api.call(recommendRoute.POST, recommendQualityOp, {
        as: stranger,
        body: { answers: SMALL_CHANGE, projectId },
      });
      expect(recommend.status).toBe(404);
    }
    const params = { projectId, sprintId };
    expect((await api.call(qualityRoute.POST, selectSprintQualityOp, { as: world.viewer, params, body })).status).toBe(
      403,
    );
    const defects = await api.call(defectsRoute.PUT, recordEscapedDefectsOp, {
      as: world.owner,
      params,
      body: { escapedDefects: 3 },
    });
    expect(defects.status).toBe(403);
    const unchanged = await api.call(qualityRoute.GET, getSprintQualityOp, { as: world.pm, params });
    expect(unchanged.body).toMatchObject({ selection: null, sprint: { escapedDefects: 0 } });
  });
});
