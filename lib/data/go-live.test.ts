import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, first as firstRow, one } from "@/db/client";
import {
  artifacts,
  artifactVersions,
  auditEvents,
  escalations,
  gates,
  goLiveSignOffs,
  guardians,
  notifications,
  projects,
  signInAttempts,
  sites,
} from "@/db/schema";
import { configureAcceptance, getAcceptanceCertificate, sha256 } from "@/lib/data/go-live-acceptance";
import { recordHandover } from "@/lib/data/go-live-handover";
import { getGoLive } from "@/lib/data/go-live-readiness";
import { signGoLive } from "@/lib/data/go-live-sign-off";
import { attemptSignIn } from "@/lib/data/sign-in";
import { updateProject } from "@/lib/data/projects";
import {
  closeValidationRun,
  listValidationRuns,
  openValidationRun,
  recordScenarioResult,
} from "@/lib/data/validation-runs";
import { auditSigningKey, verifyAuditTrail } from "@/lib/data/audit-checkpoints";
import { certificateAuditHead } from "@/lib/data/go-live-certificate";
import { signatureValid } from "@/lib/domain/audit-checkpoint";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeWorld, TEST_PASSWORD } from "@/lib/testing/fixtures";

const STATEMENT = "We accept the platform for production use at every site.";

type World = Awaited<ReturnType<typeof makeWorld>>;

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Gates 7..4 passed and the project at gate 3, as the gate workflow would leave it. */
async function passGatesBeforeGoLive(db: Db, w: World) {
  await db
    .update(gates)
    .set({ status: "go", decision: "go" })
    .where(and(eq(gates.projectId, w.project.id), sql`${gates.number} >= 4`));
  await db.update(projects).set({ currentGate: 3 }).where(eq(projects.id, w.project.id));
}

async function certifyGuardianAtSite(db: Db, w: World) {
  const site = await one(db.insert(sites).values({ projectId: w.project.id, name: "Hamburg" }).returning());
  await db.insert(guardians).values({
    projectId: w.project.id,
    userId: w.guardian.id,
    siteId: site.id,
    status: "certified",
    nominatedBy: w.pm.id,
    nominatedAt: "2026-01-01T00:00:00Z",
    certifiedAt: "2026-02-01T00:00:00Z",
  });
}

async function passRun(db: Db, w: World, environment: "homologation" | "production") {
  const run = await openValidationRun(db, ctxFor(w.pm), { projectId: w.project.id, environment });
  const view = (await listValidationRuns(db, w.guardian, w.project.id)).runs.find((r) => r.id === run.id)!;
  for (const s of view.scenarios) {
    await recordScenarioResult(db, ctxFor(w.guardian), {
      projectId: w.project.id,
      runId: run.id,
      scenarioId: s.id,
      result: "pass",
      notes: "",
    });
  }
  return await closeValidationRun(db, ctxFor(w.owner), { projectId: w.project.id, runId: run.id, note: "" });
}

async function setUpAcceptance(db: Db, w: World) {
  return await configureAcceptance(db, ctxFor(w.pm), {
    projectId: w.project.id,
    statement: STATEMENT,
    signers: [
      { userId: w.owner.id, capacity: "client_owner" },
      { userId: w.guardian.id, capacity: "guardian" },
    ],
  });
}

const countRows = async (db: Db) => ({
  signOffs: (await firstRow(db.select({ n: sql<number>`count(*)` }).from(goLiveSignOffs)))!.n,
  audit: (await firstRow(db.select({ n: sql<number>`count(*)` }).from(auditEvents)))!.n,
});

describe("go-live", () => {
  let db: Db;
  let w: World;
  beforeEach(async () => {
    db = await createTestDb();
    w = await makeWorld(db);
    await passGatesBeforeGoLive(db, w);
    await certifyGuardianAtSite(db, w);
  });

  it("refuses a sign-off before the production run, naming what is missing", async () => {
    await passRun(db, w, "homologation");
    await setUpAcceptance(db, w);
    const before = await countRows(db);
    const error = await refusal(() =>
      signGoLive(db, ctxFor(w.owner), { projectId: w.project.id, password: TEST_PASSWORD, statement: STATEMENT }),
    );
    expect(error.status).toBe(409);
    expect(error.reason).toBe("go_live_not_ready");
    expect(error.details?.missing).toEqual([expect.objectContaining({ key: "production_passed" })]);
    expect(await countRows(db)).toEqual(before);
    expect(
      (await getGoLive(db, w.owner, w.project.id)).checklist.find((c) => c.key === "production_passed")?.done,
    ).toBe(false);
  });

  it("refuses a production run before a passed homologation run", async () => {
    const error = await refusal(
      async () => await openValidationRun(db, ctxFor(w.pm), { projectId: w.project.id, environment: "production" }),
    );
    expect(error.reason).toBe("homologation_not_passed");
  });

  it("signs nothing for a wrong password, but counts and audits the attempt", async () => {
    await passRun(db, w, "homologation");
    await passRun(db, w, "production");
    await setUpAcceptance(db, w);
    const before = await countRows(db);
    const refusals = async () =>
      (await db.select().from(auditEvents).where(eq(auditEvents.objectId, w.owner.id))).map((e) => ({
        action: e.action,
        actorId: e.actorId,
        after: e.after,
      }));
    const error = await refusal(() =>
      signGoLive(db, ctxFor(w.owner), { projectId: w.project.id, password: "wrong password", statement: STATEMENT }),
    );
    expect(error.status).toBe(422);
    expect(error.reason).toBe("wrong_password");
    expect(await countRows(db)).toEqual({ ...before, audit: before.audit + 1 });
    expect(await refusals()).toEqual([
      {
        action: "account.proof.fail",
        actorId: w.owner.id,
        after: { step: "go_live_sign_off", reason: "wrong_password" },
      },
    ]);
    expect(await db.select().from(signInAttempts)).toEqual([
      expect.objectContaining({ email: w.owner.email, succeeded: false }),
    ]);
    for (let i = 0; i < 4; i++) {
      await refusal(() =>
        signGoLive(db, ctxFor(w.owner), { projectId: w.project.id, password: "wrong again", statement: STATEMENT }),
      );
    }
    // The fifth wrong password starts the pause, audited with it as at sign-in.
    expect((await refusals()).map((r) => r.action)).toEqual([
      ...Array(5).fill("account.proof.fail"),
      "account.sign_in.throttle",
    ]);
    const locked = await refusal(() =>
      signGoLive(db, ctxFor(w.owner), { projectId: w.project.id, password: TEST_PASSWORD, statement: STATEMENT }),
    );
    expect(locked.status).toBe(429);
    expect(locked.message).toMatch(/^Too many wrong passwords\. Try again in \d+ minutes?\.$/);
    expect((await countRows(db)).signOffs).toBe(before.signOffs);
  });

  it("a right password is a success for the throttle, written with the sign-off", async () => {
    await passRun(db, w, "homologation");
    await passRun(db, w, "production");
    await setUpAcceptance(db, w);
    for (let i = 0; i < 4; i++) {
      await refusal(() =>
        signGoLive(db, ctxFor(w.owner), { projectId: w.project.id, password: "wrong", statement: STATEMENT }),
      );
    }
    await signGoLive(db, ctxFor(w.owner), { projectId: w.project.id, password: TEST_PASSWORD, statement: STATEMENT });
    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.email, w.owner.email));
    expect(attempts.map((a) => a.succeeded).sort()).toEqual([false, false, false, false, true]);
    // Counted afresh: four more wrong passwords at sign-in from the same address are not yet a pause.
    const source = { email: w.owner.email, ip: "127.0.0.1", userAgent: "vitest" };
    for (let i = 0; i < 4; i++)
      expect(await attemptSignIn(db, { ...source, password: "wrong" })).toMatchObject({ ok: false });
    expect(await attemptSignIn(db, { ...source, password: TEST_PASSWORD })).toMatchObject({ ok: true });
  });

  it("completes when every signer signed; a signed acceptance is immutable", async () => {
    await passRun(db, w, "homologation");
    await passRun(db, w, "production");
    await setUpAcceptance(db, w);
    expect(await getGoLive(db, w.owner, w.project.id)).toMatchObject({
      ready: true,
      status: "open",
      you: { canSign: true },
    });
    const first = await signGoLive(db, ctxFor(w.owner), {
      projectId: w.project.id,
      password: TEST_PASSWORD,
      statement: STATEMENT,
    });
    expect(first.complete).toBe(false);
    expect(first.signOff.statementSha256).toBe(sha256(STATEMENT));
    expect(first.signOff.auditHeadHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.signOff.ip).toBe("127.0.0.1");

    // The signer list is frozen once anyone signed.
    const frozen = await refusal(async () => await setUpAcceptance(db, w));
    expect(frozen.reason).toBe("acceptance_frozen");

    const second = await signGoLive(db, ctxFor(w.guardian), {
      projectId: w.project.id,
      password: TEST_PASSWORD,
      statement: STATEMENT,
    });
    expect(second.complete).toBe(true);
    const view = await getGoLive(db, w.pm, w.project.id);
    expect(view.status).toBe("signed");
    expect(view.stillToSign).toEqual([]);

    const again = await refusal(() =>
      signGoLive(db, ctxFor(w.owner), { projectId: w.project.id, password: TEST_PASSWORD, statement: STATEMENT }),
    );
    expect(again.reason).toBe("acceptance_complete");
    const certificate = (await getAcceptanceCertificate(db, w.viewer, w.project.id))!;
    expect(certificate.signOffs.map((s) => s.email)).toEqual([w.owner.email, w.guardian.email]);
    expect(certificate.signOffs[1].auditHeadHash).not.toBe(certificate.signOffs[0].auditHeadHash);
  });

  it("proposes the statement in the client's language; the hash covers exactly the stored, signed text", async () => {
    await db.update(projects).set({ language: "es" }).where(eq(projects.id, w.project.id));
    await passRun(db, w, "homologation");
    await passRun(db, w, "production");
    const proposed = (await getGoLive(db, w.pm, w.project.id)).defaultStatement;
    expect(proposed).toMatch(/^Los abajo firmantes aceptamos la plataforma para su uso en producción\./);
    await configureAcceptance(db, ctxFor(w.pm), {
      projectId: w.project.id,
      statement: `${proposed}\r\n`,
      signers: [{ userId: w.owner.id, capacity: "client_owner" }],
    });
    const signed = await signGoLive(db, ctxFor(w.owner), {
      projectId: w.project.id,
      password: TEST_PASSWORD,
      statement: proposed,
    });
    expect(signed.complete).toBe(true);
    const row = (await db.select().from(goLiveSignOffs).where(eq(goLiveSignOffs.id, signed.signOff.id)))[0];
    // The signature keeps the very text it signed, and its hash is over those bytes.
    expect(row.statement).toBe(proposed);
    expect(row.statementSha256).toBe(sha256(row.statement));
    expect(row.statementSha256).toBe(signed.signOff.statementSha256);

    // Later the project's language changes (and with it the proposed wording): what was signed does not.
    await db.update(projects).set({ language: "pl" }).where(eq(projects.id, w.project.id));
    const after = await getGoLive(db, w.pm, w.project.id);
    expect(after.defaultStatement).toMatch(/^My, niżej podpisani/);
    expect(after.acceptance?.statement).toBe(proposed);
    const certificate = (await getAcceptanceCertificate(db, w.viewer, w.project.id))!;
    expect(certificate.statement).toBe(proposed);
    expect(certificate.statementSha256).toBe(row.statementSha256);
    expect(certificate.signOffs.map((s) => s.statementSha256)).toEqual([row.statementSha256]);
  });

  it("refuses a statement other than the one on record", async () => {
    await passRun(db, w, "homologation");
    await passRun(db, w, "production");
    await setUpAcceptance(db, w);
    const error = await refusal(() =>
      signGoLive(db, ctxFor(w.owner), {
        projectId: w.project.id,
        password: TEST_PASSWORD,
        statement: "Something else",
      }),
    );
    expect(error.reason).toBe("statement_mismatch");
  });

  it("refuses signing while a blocking escalation is open", async () => {
    await passRun(db, w, "homologation");
    await passRun(db, w, "production");
    await setUpAcceptance(db, w);
    await db.insert(escalations).values({
      projectId: w.project.id,
      raisedBy: w.guardian.id,
      title: "Invoices stuck",
      description: "x",
      severity: "critical",
      blocking: true,
    });
    const error = await refusal(() =>
      signGoLive(db, ctxFor(w.owner), { projectId: w.project.id, password: TEST_PASSWORD, statement: STATEMENT }),
    );
    expect(error.details?.missing).toEqual([expect.objectContaining({ key: "no_blocking_escalations" })]);
  });

  it("only lets certified guardians be named as signers", async () => {
    const error = await refusal(
      async () =>
        await configureAcceptance(db, ctxFor(w.pm), {
          projectId: w.project.id,
          statement: STATEMENT,
          signers: [
            { userId: w.owner.id, capacity: "client_owner" },
            { userId: w.viewer.id, capacity: "guardian" },
          ],
        }),
    );
    expect(error.reason).toBe("guardian_not_certified");
  });

  it("another organisation's client cannot read or sign; a non-permitted member is refused", async () => {
    await passRun(db, w, "homologation");
    await passRun(db, w, "production");
    await setUpAcceptance(db, w);
    expect((await refusal(async () => await getGoLive(db, w.otherViewer, w.project.id))).code).toBe("not_found");
    expect((await refusal(async () => await listValidationRuns(db, w.otherViewer, w.project.id))).code).toBe(
      "not_found",
    );
    expect((await refusal(async () => await getAcceptanceCertificate(db, w.otherViewer, w.project.id))).code).toBe(
      "not_found",
    );
    const other = await refusal(() =>
      signGoLive(db, ctxFor(w.otherViewer), { projectId: w.project.id, password: TEST_PASSWORD, statement: STATEMENT }),
    );
    expect(other.code).toBe("not_found");
    const viewer = await refusal(() =>
      signGoLive(db, ctxFor(w.viewer), { projectId: w.project.id, password: TEST_PASSWORD, statement: STATEMENT }),
    );
    expect(viewer.code).toBe("forbidden");
    expect((await refusal(async () => await setUpAcceptance(db, { ...w, pm: w.engineer }))).code).toBe("forbidden");
    const run = await openValidationRun(db, ctxFor(w.owner), { projectId: w.project.id, environment: "homologation" });
    const scenarioId = (await listValidationRuns(db, w.pm, w.project.id)).runs[0].scenarios[0].id;
    const pmRecords = await refusal(
      async () =>
        await recordScenarioResult(db, ctxFor(w.pm), {
          projectId: w.project.id,
          runId: run.id,
          scenarioId,
          result: "pass",
          notes: "",
        }),
    );
    expect(pmRecords.code).toBe("forbidden");
    const guardianCloses = await refusal(
      async () =>
        await closeValidationRun(db, ctxFor(w.guardian), { projectId: w.project.id, runId: run.id, note: "" }),
    );
    expect(guardianCloses.code).toBe("forbidden");
  });

  it("handover needs a complete acceptance, makes the project live, and later edits are refused", async () => {
    const handover = {
      projectId: w.project.id,
      handoverDate: "2026-06-01",
      supportContacts: [{ name: "Helpdesk", email: "help@vendor.example" }],
      openItems: ["Dunning letters wording"],
    };
    expect((await refusal(async () => await recordHandover(db, ctxFor(w.pm), handover))).reason).toBe(
      "acceptance_incomplete",
    );
    await passRun(db, w, "homologation");
    await passRun(db, w, "production");
    await setUpAcceptance(db, w);
    await signGoLive(db, ctxFor(w.owner), { projectId: w.project.id, password: TEST_PASSWORD, statement: STATEMENT });
    await signGoLive(db, ctxFor(w.guardian), {
      projectId: w.project.id,
      password: TEST_PASSWORD,
      statement: STATEMENT,
    });
    await recordHandover(db, ctxFor(w.pm), handover);
    expect((await firstRow(db.select().from(projects).where(eq(projects.id, w.project.id))))!.status).toBe("live");
    expect((await getGoLive(db, w.owner, w.project.id)).status).toBe("handed_over");
    const project = (await firstRow(db.select().from(projects).where(eq(projects.id, w.project.id))))!;
    const edit = await refusal(
      async () =>
        await updateProject(db, ctxFor(w.pm), { ...project, projectId: project.id, expectedVersion: project.version }),
    );
    expect(edit.reason).toBe("project_read_only");
    expect(
      (
        await refusal(
          async () =>
            await openValidationRun(db, ctxFor(w.pm), { projectId: w.project.id, environment: "homologation" }),
        )
      ).reason,
    ).toBe("project_read_only");
    expect((await refusal(async () => await recordHandover(db, ctxFor(w.pm), handover))).reason).toBe(
      "project_read_only",
    );
  });

  it("concurrent closes of the same run: one applies, the stale one is refused", async () => {
    const run = await openValidationRun(db, ctxFor(w.pm), { projectId: w.project.id, environment: "homologation" });
    const view = (await listValidationRuns(db, w.guardian, w.project.id)).runs[0];
    let version = view.version;
    for (const s of view.scenarios) {
      version = (
        await recordScenarioResult(db, ctxFor(w.guardian), {
          projectId: w.project.id,
          runId: run.id,
          scenarioId: s.id,
          result: "pass",
          notes: "",
        })
      ).version;
    }
    await closeValidationRun(db, ctxFor(w.owner), {
      projectId: w.project.id,
      runId: run.id,
      note: "",
      expectedVersion: version,
    });
    const stale = await refusal(
      async () =>
        await closeValidationRun(db, ctxFor(w.owner), {
          projectId: w.project.id,
          runId: run.id,
          note: "",
          expectedVersion: version,
        }),
    );
    expect(stale.status).toBe(409);
  });

  it("the same signer signing twice at once: one sign-off applies, the other is refused 409", async () => {
    await passRun(db, w, "homologation");
    await passRun(db, w, "production");
    await setUpAcceptance(db, w);
    const input = { projectId: w.project.id, password: TEST_PASSWORD, statement: STATEMENT };
    const results = await Promise.allSettled([
      signGoLive(db, ctxFor(w.owner), input),
      signGoLive(db, ctxFor(w.owner), input),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(rejected.reason).toMatchObject({ status: 409, reason: "already_signed" });
    expect(await db.select().from(goLiveSignOffs)).toHaveLength(1);
  });

  it("replacing the signers before anyone signed, with a stale version, is refused", async () => {
    const first = await setUpAcceptance(db, w);
    await configureAcceptance(db, ctxFor(w.pm), {
      projectId: w.project.id,
      statement: `${STATEMENT} Revised.`,
      signers: [{ userId: w.owner.id, capacity: "client_owner" }],
      expectedVersion: first.version,
    });
    const stale = await refusal(
      async () =>
        await configureAcceptance(db, ctxFor(w.pm), {
          projectId: w.project.id,
          statement: STATEMENT,
          signers: [{ userId: w.owner.id, capacity: "client_owner" }],
          expectedVersion: first.version,
        }),
    );
    expect(stale.code).toBe("stale_version");
    expect((await getGoLive(db, w.owner, w.project.id)).signers.map((s) => s.userId)).toEqual([w.owner.id]);
  });
  describe("filing the completed acceptance as the go-live artifact's latest version", () => {
    const goLiveArtifact = async () =>
      (await firstRow(
        db
          .select()
          .from(artifacts)
          .where(and(eq(artifacts.projectId, w.project.id), eq(artifacts.type, "go_live_acceptance"))),
      ))!;
    const versionsOf = async (artifactId: string) =>
      await db.select().from(artifactVersions).where(eq(artifactVersions.artifactId, artifactId));
    const auditOf = async (action: string) =>
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.projectId, w.project.id), eq(auditEvents.action, action)));

    async function signByEveryone() {
      await passRun(db, w, "homologation");
      await passRun(db, w, "production");
      await setUpAcceptance(db, w);
      await signGoLive(db, ctxFor(w.owner), { projectId: w.project.id, password: TEST_PASSWORD, statement: STATEMENT });
      // Nothing is filed before the acceptance is complete.
      expect(await db.select().from(artifactVersions)).toEqual([]);
      return signGoLive(db, ctxFor(w.guardian), {
        projectId: w.project.id,
        password: TEST_PASSWORD,
        statement: STATEMENT,
      });
    }

    it(
      "adds a markdown version with the certificate, authored " + "by the last signer, audited and sent to the board",
      async () => {
        const result = await signByEveryone();
        expect(result.complete).toBe(true);
        const artifact = await goLiveArtifact();
        expect(artifact.status).toBe("submitted");
        const [version] = await versionsOf(artifact.id);
        expect(version).toMatchObject({ number: 1, kind: "markdown", submittedBy: w.guardian.id });
        const markdown = version.markdown!;
        expect(markdown).toContain(`> ${STATEMENT}`);
        expect(markdown).toContain(sha256(STATEMENT));
        expect(markdown).toContain(result.acceptance.id);
        expect(markdown).toContain(`/projects/${w.project.id}/go-live/certificate`);
        for (const signer of [w.owner, w.guardian]) expect(markdown).toContain(signer.email);
        const signedAt = (await db.select().from(goLiveSignOffs)).map((s) => s.signedAt);
        for (const at of signedAt) expect(markdown).toContain(at);
        // The audit head at signing, signed with the installation's key, and the chain leads to it.
        const head = /--head (\d+):([0-9a-f]{64})/.exec(markdown);
        expect(markdown).toContain("## Audit head at signing");
        const trail = await verifyAuditTrail(db, auditSigningKey(), [{ seq: Number(head![1]), hash: head![2] }]);
        expect(trail.problems).toEqual([]);
        // The certificate page shows the same signed head, to anyone who sees the project.
        const onPage = await certificateAuditHead(db, w.viewer, w.project.id);
        expect(onPage && `${onPage.seq}:${onPage.hash}`).toBe(`${head![1]}:${head![2]}`);
        expect(signatureValid(auditSigningKey().publicKey, onPage!)).toBe(true);

        const [added] = await auditOf("artifact.version.add");
        expect(added).toMatchObject({ actorId: w.guardian.id, objectId: artifact.id });
        expect(added.after).toMatchObject({
          filedFrom: "go_live",
          acceptanceId: result.acceptance.id,
          statementSha256: sha256(STATEMENT),
          version: 1,
        });
        const [complete] = await auditOf("go_live_acceptance.complete");
        expect(complete.after).toMatchObject({
          certificate: { filed: true, artifactId: artifact.id, versionNumber: 1 },
        });
        // The chain reads in order: the last sign-off, the filed version, the completion.
        const [lastSign] = (await auditOf("go_live_acceptance.sign")).slice(-1);
        expect(lastSign.seq < added.seq && added.seq < complete.seq).toBe(true);

        const gate = (await firstRow(db.select().from(gates).where(eq(gates.id, artifact.gateId))))!;
        expect(gate.number).toBe(3);
        const boardNotes = await db
          .select()
          .from(notifications)
          .where(and(eq(notifications.projectId, w.project.id), eq(notifications.kind, "artifact_needs_review")));
        expect(boardNotes.map((n) => n.title)).toContain(
          `“${artifact.title}” (version 1) of ${w.project.name} needs your review`,
        );
      },
    );

    it(
      "on a decided gate files nothing, says so in the " + "completion event, and the sign-off still succeeds",
      async () => {
        await db
          .update(gates)
          .set({ status: "go", decision: "go" })
          .where(and(eq(gates.projectId, w.project.id), eq(gates.number, 3)));
        const result = await signByEveryone();
        expect(result.complete).toBe(true);
        expect((await getGoLive(db, w.pm, w.project.id)).status).toBe("signed");
        expect(await versionsOf((await goLiveArtifact()).id)).toEqual([]);
        expect((await goLiveArtifact()).status).toBe("missing");
        expect(await auditOf("artifact.version.add")).toEqual([]);
        const [complete] = await auditOf("go_live_acceptance.complete");
        expect(complete.after).toMatchObject({ certificate: { filed: false, reason: "gate_closed" } });
      },
    );

    it("files nothing when the project's policy has no go-live acceptance artifact", async () => {
      await db
        .delete(artifacts)
        .where(and(eq(artifacts.projectId, w.project.id), eq(artifacts.type, "go_live_acceptance")));
      const result = await signByEveryone();
      expect(result.complete).toBe(true);
      expect(await db.select().from(artifactVersions)).toEqual([]);
      const [complete] = await auditOf("go_live_acceptance.complete");
      expect(complete.after).toMatchObject({ certificate: { filed: false, reason: "no_artifact" } });
    });
  });
});
