// The go-live operations over HTTP: each answer held to its declared schema and to the document.
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as acceptanceRoute from "@/app/api/v1/projects/[projectId]/go-live/acceptance/route";
import * as certificateRoute from "@/app/api/v1/projects/[projectId]/go-live/certificate/route";
import * as handoverRoute from "@/app/api/v1/projects/[projectId]/go-live/handover/route";
import * as goLiveRoute from "@/app/api/v1/projects/[projectId]/go-live/route";
import * as signOffsRoute from "@/app/api/v1/projects/[projectId]/go-live/sign-offs/route";
import { one } from "@/db/client";
import { gates, guardians, projects, sites } from "@/db/schema";
import {
  configureAcceptanceOp,
  getAcceptanceCertificateOp,
  getGoLiveOp,
  recordHandoverOp,
  signGoLiveOp,
} from "@/lib/contract/go-live";
import {
  closeValidationRun,
  getValidationRun,
  openValidationRun,
  recordScenarioResult,
} from "@/lib/data/validation-runs";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";
import { ctxFor, TEST_PASSWORD } from "@/lib/testing/fixtures";

const STATEMENT = "We accept the platform for production use at every site.";

let { db, world, api } = {} as ApiWorld;

/** The project as the workflows leave it before go-live: gates 7–4 passed, a certified guardian, both runs passed. */
async function readyForGoLive() {
  const projectId = world.project.id;
  await db
    .update(gates)
    .set({ status: "go", decision: "go" })
    .where(and(eq(gates.projectId, projectId), sql`${gates.number} >= 4`));
  await db.update(projects).set({ currentGate: 3 }).where(eq(projects.id, projectId));
  const site = await one(db.insert(sites).values({ projectId, name: "Hamburg" }).returning());
  await db.insert(guardians).values({
    projectId,
    userId: world.guardian.id,
    siteId: site.id,
    status: "certified",
    nominatedBy: world.pm.id,
    nominatedAt: "2026-01-01T00:00:00Z",
    certifiedAt: "2026-02-01T00:00:00Z",
  });
  for (const environment of ["homologation", "production"] as const) {
    const run = await openValidationRun(db, ctxFor(world.pm), { projectId, environment });
    for (const scenario of (await getValidationRun(db, world.pm, projectId, run.id)).scenarios) {
      const ids = { projectId, runId: run.id, scenarioId: scenario.id };
      await recordScenarioResult(db, ctxFor(world.guardian), { ...ids, result: "pass", notes: "" });
    }
    await closeValidationRun(db, ctxFor(world.owner), { projectId, runId: run.id, note: "" });
  }
}

const acceptance = () => ({
  statement: STATEMENT,
  signers: [
    { userId: world.owner.id, capacity: "client_owner" },
    { userId: world.guardian.id, capacity: "guardian" },
  ],
});

beforeEach(async () => ({ db, world, api } = await apiWorld()));

describe("go-live over HTTP", () => {
  it("sets up the acceptance, signs it, reads the certificate and records the handover", async () => {
    const projectId = world.project.id;
    const params = { projectId };
    const before = await api.call(goLiveRoute.GET, getGoLiveOp, { as: world.viewer, params });
    expect(before.body).toMatchObject({ status: "not_set_up", ready: false, acceptance: null, handover: null });
    await readyForGoLive();

    const configured = await api.call(acceptanceRoute.PUT, configureAcceptanceOp, {
      as: world.pm,
      params,
      body: acceptance(),
    });
    expect(configured.status).toBe(200);
    expect(configured.body).toMatchObject({ status: "open", ready: true, stillToSign: [{}, {}] });

    const byOwner = await api.call(signOffsRoute.POST, signGoLiveOp, {
      as: world.owner,
      params,
      body: { password: TEST_PASSWORD, statement: STATEMENT },
    });
    expect(byOwner.status).toBe(201);
    expect(byOwner.body).toMatchObject({ userId: world.owner.id, acceptanceComplete: false });
    const byGuardian = await api.call(signOffsRoute.POST, signGoLiveOp, {
      as: world.guardian,
      params,
      body: { password: TEST_PASSWORD, statement: STATEMENT },
    });
    expect(byGuardian.body).toMatchObject({ acceptanceComplete: true });

    const certificate = await api.call(certificateRoute.GET, getAcceptanceCertificateOp, { as: world.owner, params });
    expect(certificate.status).toBe(200);
    expect(certificate.body).toMatchObject({ status: "signed", statement: STATEMENT, signOffs: [{}, {}] });

    const handedOver = await api.call(handoverRoute.POST, recordHandoverOp, {
      as: world.pm,
      params,
      body: {
        handoverDate: "2026-06-01",
        supportContacts: [{ name: "Helpdesk", email: "help@vendor.example", phone: "+49 40 1234" }],
      },
    });
    expect(handedOver.status).toBe(201);
    expect(handedOver.body).toMatchObject({
      status: "handed_over",
      projectStatus: "live",
      handover: { handoverDate: "2026-06-01", openItems: [] },
    });
  });

  it("names each invalid field and changes nothing", async () => {
    const projectId = world.project.id;
    const refused = await api.call(acceptanceRoute.PUT, configureAcceptanceOp, {
      as: world.pm,
      params: { projectId },
      body: { statement: " ", signers: [] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: "invalid_input",
      errors: { statement: ["Statement is required."], signers: ["Choose at least the client owner."] },
    });
    const badHandover = await api.call(handoverRoute.POST, recordHandoverOp, {
      as: world.pm,
      params: { projectId },
      body: { handoverDate: "2026-02-30", supportContacts: [] },
    });
    expect(badHandover.status).toBe(422);
    expect(badHandover.body).toMatchObject({
      errors: { handoverDate: expect.any(Array), supportContacts: expect.any(Array) },
    });
    const noCertificate = await api.call(certificateRoute.GET, getAcceptanceCertificateOp, {
      as: world.pm,
      params: { projectId },
    });
    expect(noCertificate.status).toBe(404);
    const state = await api.call(goLiveRoute.GET, getGoLiveOp, { as: world.pm, params: { projectId } });
    expect(state.body).toMatchObject({ status: "not_set_up" });
  });

  it("another account cannot see or change the go-live", async () => {
    const projectId = world.project.id;
    await readyForGoLive();
    await api.call(acceptanceRoute.PUT, configureAcceptanceOp, {
      as: world.pm,
      params: { projectId },
      body: acceptance(),
    });
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      expect((await api.call(goLiveRoute.GET, getGoLiveOp, { as: stranger, params: { projectId } })).status).toBe(404);
      const certificate = await api.call(certificateRoute.GET, getAcceptanceCertificateOp, {
        as: stranger,
        params: { projectId },
      });
      expect(certificate.status).toBe(404);
    }
    const byViewer = await api.call(acceptanceRoute.PUT, configureAcceptanceOp, {
      as: world.viewer,
      params: { projectId },
      body: { ...acceptance(), expectedVersion: 1 },
    });
    expect(byViewer.status).toBe(403);
    const signByViewer = await api.call(signOffsRoute.POST, signGoLiveOp, {
      as: world.viewer,
      params: { projectId },
      body: { password: TEST_PASSWORD, statement: STATEMENT },
    });
    expect(signByViewer.status).toBe(403);
    const state = await api.call(goLiveRoute.GET, getGoLiveOp, { as: world.pm, params: { projectId } });
    expect(state.body).toMatchObject({ status: "open", acceptance: { version: 1 }, stillToSign: [{}, {}] });
  });
});
