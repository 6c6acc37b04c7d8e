import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, first } from "@/db/client";
import { escalations, notifications } from "@/db/schema";
import {
  listEscalations,
  openBlockingEscalations,
  pageEscalations,
  raiseEscalation,
  triageEscalation,
} from "@/lib/data/escalations";
import { nominateGuardian } from "@/lib/data/guardians";
import { createTestDb, ctxFor } from "@/lib/testing/fixtures";
import { certifiedGuardian, makeReadinessWorld, trainAndScore } from "@/lib/testing/readiness-fixtures";

let db: Db;
let w: Awaited<ReturnType<typeof makeReadinessWorld>>;

beforeEach(async () => {
  db = await createTestDb();
  w = await makeReadinessWorld(db);
});

const input = () => ({
  projectId: w.project.id,
  title: "Invoices stuck",
  description: "Batch run halted at step 3.",
  severity: "high" as const,
  blocking: true,
});

describe("raising", () => {
  it("a certified guardian raises one; the PM is notified; it blocks go-live until resolved", async () => {
    await certifiedGuardian(db, w);
    const e = await raiseEscalation(db, ctxFor(w.guardian), input());
    expect(e.status).toBe("open");
    const note = await db.select().from(notifications).where(eq(notifications.userId, w.pm.id));
    expect(note.map((n) => n.kind)).toContain("escalation.raised");
    expect((await openBlockingEscalations(db, w.project.id)).map((x) => x.id)).toEqual([e.id]);
  });

  it("an uncertified guardian is refused with the explanation, and nothing is stored", async () => {
    const g = await nominateGuardian(db, ctxFor(w.pm), {
      projectId: w.project.id,
      userId: w.guardian.id,
      siteId: w.site.id,
    });
    await trainAndScore(db, w, g.id, w.usage.id, 90);
    await trainAndScore(db, w, g.id, w.administration.id, 55);
    await expect(raiseEscalation(db, ctxFor(w.guardian), input())).rejects.toThrow(
      expect.objectContaining({
        code: "rule_refused",
        reason: "guardian_not_certified",
        message:
          "Only certified guardians can raise escalations: you still need to pass Administration (score 55, " +
          "pass mark 70).",
      }),
    );
    expect(await db.select().from(escalations)).toHaveLength(0);
  });

  it("a guardian member never nominated is refused with why", async () => {
    await expect(raiseEscalation(db, ctxFor(w.guardian), input())).rejects.toThrow(
      expect.objectContaining({ code: "rule_refused", reason: "not_guardian" }),
    );
  });

  it("other members get 403 with the explanation", async () => {
    for (const actor of [w.owner, w.viewer, w.pm]) {
      await expect(raiseEscalation(db, ctxFor(actor), input())).rejects.toThrow(
        expect.objectContaining({ code: "forbidden", message: expect.stringContaining("Only certified guardians") }),
      );
    }
  });
});

describe("triage", () => {
  it("walks open → triaged → in_progress → resolved → closed with version checks", async () => {
    await certifiedGuardian(db, w);
    let e = await raiseEscalation(db, ctxFor(w.guardian), input());
    e = await triageEscalation(db, ctxFor(w.engineer), {
      projectId: w.project.id,
      escalationId: e.id,
      status: "triaged",
      assigneeId: w.engineer.id,
      expectedVersion: e.version,
    });
    e = await triageEscalation(db, ctxFor(w.engineer), {
      projectId: w.project.id,
      escalationId: e.id,
      status: "in_progress",
      expectedVersion: e.version,
    });
    await expect(
      triageEscalation(db, ctxFor(w.pm), {
        projectId: w.project.id,
        escalationId: e.id,
        status: "resolved",
        expectedVersion: e.version,
      }),
    ).rejects.toThrow(expect.objectContaining({ reason: "resolution_required" }));
    const stale = e.version;
    e = await triageEscalation(db, ctxFor(w.pm), {
      projectId: w.project.id,
      escalationId: e.id,
      status: "resolved",
      resolution: "Restarted the batch.",
      expectedVersion: e.version,
    });
    expect(await openBlockingEscalations(db, w.project.id)).toHaveLength(0);
    await expect(
      triageEscalation(db, ctxFor(w.pm), {
        projectId: w.project.id,
        escalationId: e.id,
        status: "closed",
        expectedVersion: stale,
      }),
    ).rejects.toThrow(expect.objectContaining({ code: "stale_version" }));
    e = await triageEscalation(db, ctxFor(w.pm), {
      projectId: w.project.id,
      escalationId: e.id,
      status: "closed",
      expectedVersion: e.version,
    });
    expect(e.status).toBe("closed");
    const raiserNotes = await db.select().from(notifications).where(eq(notifications.userId, w.guardian.id));
    expect(raiserNotes).toHaveLength(4);
  });

  it("refuses a skipped transition and an assignee outside the vendor team", async () => {
    await certifiedGuardian(db, w);
    const e = await raiseEscalation(db, ctxFor(w.guardian), input());
    await expect(
      triageEscalation(db, ctxFor(w.pm), { projectId: w.project.id, escalationId: e.id, status: "closed" }),
    ).rejects.toThrow(expect.objectContaining({ reason: "invalid_transition" }));
    await expect(
      triageEscalation(db, ctxFor(w.pm), { projectId: w.project.id, escalationId: e.id, assigneeId: w.owner.id }),
    ).rejects.toThrow(expect.objectContaining({ code: "invalid_input" }));
  });
});

describe("listing", () => {
  it("pages newest first without gaps or repeats", async () => {
    await certifiedGuardian(db, w);
    for (let i = 0; i < 5; i++) await raiseEscalation(db, ctxFor(w.guardian), { ...input(), title: `E${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof pageEscalations>> = await pageEscalations(db, w.viewer, w.project.id, {
        limit: 2,
        cursor,
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual((await listEscalations(db, w.pm, w.project.id)).map((e) => e.title));
    expect(new Set(seen).size).toBe(5);
    await expect(pageEscalations(db, w.pm, w.project.id, { limit: 2, cursor: "nonsense" })).rejects.toThrow(
      expect.objectContaining({ code: "invalid_input" }),
    );
  });
});

describe("another user cannot see or change this", () => {
  it("a client of another organisation gets 404; client members cannot triage (403)", async () => {
    await certifiedGuardian(db, w);
    const e = await raiseEscalation(db, ctxFor(w.guardian), input());
    await expect(listEscalations(db, w.otherViewer, w.project.id)).rejects.toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    await expect(
      triageEscalation(db, ctxFor(w.otherViewer), { projectId: w.project.id, escalationId: e.id, status: "triaged" }),
    ).rejects.toThrow(expect.objectContaining({ code: "not_found" }));
    await expect(raiseEscalation(db, ctxFor(w.otherViewer), input())).rejects.toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    for (const actor of [w.guardian, w.owner, w.viewer]) {
      await expect(
        triageEscalation(db, ctxFor(actor), { projectId: w.project.id, escalationId: e.id, status: "triaged" }),
      ).rejects.toThrow(expect.objectContaining({ code: "forbidden" }));
    }
    expect((await first(db.select().from(escalations)))!.status).toBe("open");
  });

  it("an escalation id of another project is not found", async () => {
    await certifiedGuardian(db, w);
    const e = await raiseEscalation(db, ctxFor(w.guardian), input());
    const w2 = await makeReadinessWorld(db);
    await expect(
      triageEscalation(db, ctxFor(w2.pm), { projectId: w2.project.id, escalationId: e.id, status: "triaged" }),
    ).rejects.toThrow(expect.objectContaining({ code: "not_found" }));
  });
});
