// Recording a sprint's deployments and the client owner's acceptance over HTTP.
import { beforeEach, describe, expect, it } from "vitest";
import * as acceptanceRoute from "@/app/api/v1/projects/[projectId]/sprints/[sprintId]/acceptance/route";
import * as deploymentsRoute from "@/app/api/v1/projects/[projectId]/sprints/[sprintId]/deployments/route";
import { decideSprintAcceptanceOp, recordDeploymentOp } from "@/lib/contract/sprints";
import { startSprint } from "@/lib/data/sprints";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";
import { plannedSprint, sprintInReview } from "@/lib/testing/delivery-fixtures";
import { ctxFor } from "@/lib/testing/fixtures";

let { db, world, api } = {} as ApiWorld;

beforeEach(async () => ({ db, world, api } = await apiWorld()));

const deployment = { releaseVersion: "1.4.0", environment: "homologation", deployedOn: "2026-01-10" };

describe("deployments and acceptance over HTTP", () => {
  it("records a deployment, refuses acceptance while something is missing, then accepts", async () => {
    const projectId = world.project.id;
    const active = await plannedSprint(db, world, 1);
    await startSprint(db, ctxFor(world.pm), { projectId, sprintId: active.id });
    const recorded = await api.call(deploymentsRoute.POST, recordDeploymentOp, {
      as: world.engineer,
      params: { projectId, sprintId: active.id },
      body: deployment,
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject(deployment);

    const sprintId = (await sprintInReview(db, world, 2)).id;
    const rejected = await api.call(acceptanceRoute.POST, decideSprintAcceptanceOp, {
      as: world.owner,
      params: { projectId, sprintId },
      body: { decision: "reject", comment: "The invoices do not add up.", expectedVersion: 99 },
    });
    expect(rejected.status).toBe(409);
    expect(rejected.body).toMatchObject({ code: "stale_version" });
    const accepted = await api.call(acceptanceRoute.POST, decideSprintAcceptanceOp, {
      as: world.owner,
      params: { projectId, sprintId },
      body: { decision: "accept" },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: sprintId, status: "accepted", acceptanceBlockers: [] });
    expect((accepted.body as { decidedBy: string | null }).decidedBy).toBeTruthy();
  });

  it("names each invalid field", async () => {
    const projectId = world.project.id;
    const sprintId = (await sprintInReview(db, world)).id;
    const deployed = await api.call(deploymentsRoute.POST, recordDeploymentOp, {
      as: world.engineer,
      params: { projectId, sprintId },
      body: { releaseVersion: "", environment: "staging", deployedOn: "2026-13-01" },
    });
    expect(deployed.status).toBe(422);
    expect(deployed.body).toMatchObject({
      code: "invalid_input",
      errors: { releaseVersion: expect.any(Array), environment: expect.any(Array), deployedOn: expect.any(Array) },
    });
    const rejected = await api.call(acceptanceRoute.POST, decideSprintAcceptanceOp, {
      as: world.owner,
      params: { projectId, sprintId },
      body: { decision: "reject" },
    });
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({ errors: { comment: ["Say why the sprint is rejected."] } });
  });

  it("another account cannot record or decide", async () => {
    const projectId = world.project.id;
    const sprintId = (await sprintInReview(db, world)).id;
    const params = { projectId, sprintId };
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      const deployed = await api.call(deploymentsRoute.POST, recordDeploymentOp, {
        as: stranger,
        params,
        body: deployment,
      });
      expect(deployed.status).toBe(404);
      const decided = await api.call(acceptanceRoute.POST, decideSprintAcceptanceOp, {
        as: stranger,
        params,
        body: { decision: "accept" },
      });
      expect(decided.status).toBe(404);
    }
    const byPm = await api.call(acceptanceRoute.POST, decideSprintAcceptanceOp, {
      as: world.pm,
      params,
      body: { decision: "accept" },
    });
    expect(byPm.status).toBe(403);
    const byViewer = await api.call(deploymentsRoute.POST, recordDeploymentOp, {
      as: world.viewer,
      params,
      body: deployment,
    });
    expect(byViewer.status).toBe(403);
  });
});
