import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Db, first } from "@/db/client";
import {
  artifactReviews,
  artifacts,
  artifactVersions,
  auditEvents,
  gateBoardMembers,
  notifications,
} from "@/db/schema";
import { addArtifactVersion, artifactFile, reviewArtifact } from "@/lib/data/artifacts";
import { gateDetail } from "@/lib/data/gate-views";
import { castVote, decideGate, submitGate } from "@/lib/data/gates";
import { myReviews } from "@/lib/data/my-reviews";
import { MAX_UPLOAD_BYTES, attachmentHeaders } from "@/lib/data/uploads";
import { uploadsDir } from "@/lib/env";
import { ctxFor, createTestDb, makeProject } from "@/lib/testing/fixtures";
import {
  approveMustArtifacts,
  artifactsOfGate,
  makeGateWorld,
  refusalOf,
  submitMustArtifacts,
  type GateWorld,
} from "@/lib/testing/gate-fixtures";

let db: Db;
let w: GateWorld;
let pid: string;
let sow: typeof artifacts.$inferSelect;

beforeAll(() => {
  process.env.LIGHTGATE_DATA_DIR = mkdtempSync(path.join(tmpdir(), "lightgate-artifacts-"));
});

beforeEach(async () => {
  db = await createTestDb();
  w = await makeGateWorld(db);
  pid = w.project.id;
  sow = (await artifactsOfGate(db, pid, 7)).find((a) => a.type === "statement_of_work")!;
});

const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(100, 32)]);
const add = async (
  actor: keyof GateWorld,
  source: Parameters<typeof addArtifactVersion>[2]["source"],
  artifactId = sow.id,
) => await addArtifactVersion(db, ctxFor(w[actor] as never), { projectId: pid, artifactId, source });
const reviewBy = async (actor: keyof GateWorld, decision: "approve" | "request_changes", comment = "") =>
  await reviewArtifact(db, ctxFor(w[actor] as never), { projectId: pid, artifactId: sow.id, decision, comment });
const status = async () => (await first(db.select().from(artifacts).where(eq(artifacts.id, sow.id))))!.status;

describe("versions", () => {
  it("stores a file under a generated name with its SHA-256, size and media type", async () => {
    const { version } = await add("engineer", { kind: "file", fileName: "../../SOW signed.pdf", bytes: pdf });
    expect(version).toMatchObject({
      number: 1,
      kind: "file",
      fileName: "SOW signed.pdf",
      size: pdf.length,
      mediaType: "application/pdf",
    });
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(version.storedName).not.toContain("SOW");
    expect(existsSync(path.join(uploadsDir(), version.storedName!))).toBe(true);
    expect(await status()).toBe("submitted");
    const file = await artifactFile(db, w.viewer, { projectId: pid, artifactId: sow.id, versionId: version.id });
    expect(file.bytes.equals(pdf)).toBe(true);
    expect(attachmentHeaders(file)["content-disposition"]).toMatch(/^attachment; filename="SOW signed.pdf"/);
  });

  it("accepts a URL and markdown text, numbering versions", async () => {
    await add("engineer", { kind: "url", url: "https://docs.example.com/sow" });
    const { version } = await add("pm", { kind: "markdown", markdown: "# SOW\n<script>alert(1)</script>" });
    expect(version.number).toBe(2);
    expect(await db.select().from(artifactVersions).where(eq(artifactVersions.artifactId, sow.id))).toHaveLength(2);
    // The audit trail and the board's notification name the number the insert counted.
    const added = await db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "artifact.version.add"), eq(auditEvents.objectId, sow.id)));
    expect(added.map((e) => (e.after as { version: number }).version).sort()).toEqual([1, 2]);
  });

  it("asks each member of the gate's board for a review, and nobody else", async () => {
    const members = await db.select().from(gateBoardMembers).where(eq(gateBoardMembers.gateId, sow.gateId));
    const board = members.map((m) => m.userId);
    expect(board.length).toBeGreaterThan(1);
    await add("engineer", { kind: "markdown", markdown: "v1" });
    const asked = await db
      .select({ userId: notifications.userId, title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.projectId, pid), eq(notifications.kind, "artifact_needs_review")));
    // The submitter is not notified of their own version.
    expect(asked.map((n) => n.userId).sort()).toEqual(board.filter((id) => id !== w.engineer.id).sort());
    expect(new Set(asked.map((n) => n.title))).toEqual(
      new Set([`“${sow.title}” (version 1) of ${w.project.name} needs your review`]),
    );
  });

  it("refuses too large (413) and disallowed or fake types (415), leaving no file behind", async () => {
    const before = readdirSync(uploadsDir()).length;
    expect(
      (
        await refusalOf(
          async () =>
            await add("engineer", {
              kind: "file",
              fileName: "big.pdf",
              bytes: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x25),
            }),
        )
      ).status,
    ).toBe(413);
    expect(
      (
        await refusalOf(
          async () =>
            await add("engineer", { kind: "file", fileName: "page.html", bytes: Buffer.from("<html></html>") }),
        )
      ).status,
    ).toBe(415);
    expect(
      (
        await refusalOf(
          async () =>
            await add("engineer", { kind: "file", fileName: "fake.pdf", bytes: Buffer.from("<html>not a pdf</html>") }),
        )
      ).status,
    ).toBe(415);
    expect(
      (await refusalOf(async () => await add("viewer", { kind: "file", fileName: "ok.pdf", bytes: pdf }))).status,
    ).toBe(403);
    expect(readdirSync(uploadsDir()).length).toBe(before);
    expect(await status()).toBe("missing");
  });

  it("a new version after approval sends it back to submitted and dismisses the approval", async () => {
    await add("engineer", { kind: "markdown", markdown: "v1" });
    await reviewBy("owner", "approve");
    expect(await status()).toBe("approved");
    const { version } = await add("engineer", { kind: "markdown", markdown: "v2" });
    expect(await status()).toBe("submitted");
    const reviews = await db.select().from(artifactReviews).where(eq(artifactReviews.artifactId, sow.id));
    expect(reviews).toHaveLength(1);
    expect(reviews[0].dismissedAt).toBe(version.submittedAt);
    expect((await myReviews(db, w.owner)).artifactsToReview.map((a) => a.artifactId)).toContain(sow.id);
  });

  it("is refused once the gate is decided", async () => {
    await submitMustArtifacts(db, w);
    await approveMustArtifacts(db, w);
    await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 });
    for (const voter of [w.pm, w.owner])
      await castVote(db, ctxFor(voter), { projectId: pid, number: 7, vote: "go", rationale: "ok" });
    await decideGate(db, ctxFor(w.owner), { projectId: pid, number: 7, decision: "go", rationale: "ok" });
    expect((await refusalOf(async () => await add("engineer", { kind: "markdown", markdown: "late" }))).reason).toBe(
      "gate_closed",
    );
  });
});

describe("reviews", () => {
  it("board members approve or request changes; the submitter is told", async () => {
    await add("engineer", { kind: "markdown", markdown: "v1" });
    expect((await refusalOf(async () => await reviewBy("owner", "request_changes", " "))).reason).toBe(
      "comment_required",
    );
    await reviewBy("owner", "request_changes", "Add the payment schedule.");
    expect(await status()).toBe("changes_requested");
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, w.engineer.id), eq(notifications.kind, "artifact_changes_requested"))),
    ).toHaveLength(1);
    await add("engineer", { kind: "markdown", markdown: "v2" });
    await reviewBy("boardMember", "approve");
    expect(await status()).toBe("approved");
  });

  it("the submitter can never approve their own version, even on the board", async () => {
    await add("pm", { kind: "markdown", markdown: "written by the PM" });
    const own = await refusalOf(async () => await reviewBy("pm", "approve"));
    expect([own.status, own.reason]).toEqual([403, "own_version"]);
    expect((await myReviews(db, w.pm)).artifactsToReview).toEqual([]);
  });

  it("non-board members get 403; another organisation's client gets 404", async () => {
    await add("engineer", { kind: "file", fileName: "sow.pdf", bytes: pdf });
    expect((await refusalOf(async () => await reviewBy("engineer", "approve"))).status).toBe(403);
    expect((await refusalOf(async () => await reviewBy("viewer", "approve"))).status).toBe(403);
    expect((await refusalOf(async () => await reviewBy("otherViewer", "approve"))).status).toBe(404);
    expect(
      (await refusalOf(async () => await add("otherViewer", { kind: "url", url: "https://x.example" }))).status,
    ).toBe(404);
    const versionId = (await first(db.select().from(artifactVersions).where(eq(artifactVersions.artifactId, sow.id))))!
      .id;
    expect(
      (
        await refusalOf(
          async () => await artifactFile(db, w.otherViewer, { projectId: pid, artifactId: sow.id, versionId }),
        )
      ).status,
    ).toBe(404);
    expect(await status()).toBe("submitted");
  });

  it("an artifact id of another project is not found through this project", async () => {
    const other = await makeProject(db, w.pm, w.org.id);
    const foreign = (await artifactsOfGate(db, other.id, 7))[0];
    expect(
      (await refusalOf(async () => await add("engineer", { kind: "markdown", markdown: "x" }, foreign.id))).status,
    ).toBe(404);
  });
});

describe("approval rules from the policy", () => {
  // h1 copies approverRoles from the policy when a project is created; here we set it directly.
  const needsOwner = async () =>
    await db
      .update(artifacts)
      .set({ approverRoles: ["client_owner"] })
      .where(eq(artifacts.id, sow.id));
  const awaiting = async (actor: keyof GateWorld = "pm") =>
    (await gateDetail(db, w[actor] as never, pid, 7)).gate.artifacts.find((a) => a.id === sow.id)!.awaitingApprovalFrom;

  it(
    "a vendor board member's approval is recorded, the " + "artifact stays submitted until the client owner approves",
    async () => {
      await needsOwner();
      await add("engineer", { kind: "markdown", markdown: "# MVP scope" });
      expect(await awaiting()).toEqual([{ role: "client_owner", userIds: [w.owner.id] }]);
      await reviewBy("boardMember", "approve");
      expect(await status()).toBe("submitted");
      const detail = (await gateDetail(db, w.pm, pid, 7)).gate.artifacts.find((a) => a.id === sow.id)!;
      expect(detail.reviews).toEqual([
        expect.objectContaining({ reviewerId: w.boardMember.id, decision: "approve", dismissed: false }),
      ]);
      expect(detail.awaitingApprovalFrom).toEqual([{ role: "client_owner", userIds: [w.owner.id] }]);
      // Still in the owner's queue, no longer in the vendor's.
      expect((await myReviews(db, w.owner)).artifactsToReview.map((a) => a.artifactId)).toContain(sow.id);
      expect((await myReviews(db, w.boardMember)).artifactsToReview.map((a) => a.artifactId)).not.toContain(sow.id);
      expect(
        await db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, w.engineer.id), eq(notifications.kind, "artifact_approved"))),
      ).toHaveLength(0);
      await reviewBy("owner", "approve");
      expect(await status()).toBe("approved");
      expect(await awaiting()).toEqual([]);
      expect(
        await db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, w.engineer.id), eq(notifications.kind, "artifact_approved"))),
      ).toHaveLength(1);
    },
  );

  it(
    "a request for changes by any board member still makes it changes_requested; a vendor approval then does " +
      "not undo it",
    async () => {
      await needsOwner();
      await add("engineer", { kind: "markdown", markdown: "# MVP scope" });
      await reviewBy("boardMember", "request_changes", "Missing the interconnection list.");
      expect(await status()).toBe("changes_requested");
      await reviewBy("pm", "approve");
      expect(await status()).toBe("changes_requested");
      await reviewBy("owner", "approve");
      expect(await status()).toBe("approved");
    },
  );

  it("without a rule, any board member's approval closes it (as before)", async () => {
    await add("engineer", { kind: "markdown", markdown: "# SOW" });
    expect(await awaiting()).toEqual([
      { role: null, userIds: expect.arrayContaining([w.pm.id, w.owner.id, w.boardMember.id]) },
    ]);
    await reviewBy("boardMember", "approve");
    expect(await status()).toBe("approved");
  });

  it("another organisation's client cannot review or see who is awaited (404)", async () => {
    await needsOwner();
    await add("engineer", { kind: "markdown", markdown: "# MVP scope" });
    const refused = await refusalOf(async () => await reviewBy("otherViewer", "approve"));
    expect([refused.status, refused.code]).toEqual([404, "not_found"]);
    expect((await refusalOf(async () => await awaiting("otherViewer"))).status).toBe(404);
    expect(await status()).toBe("submitted");
  });
});
