// The domain commands publish their events into the outbox in their own transaction, with data
// that matches the published contract (lib/contract/events.ts) field for field; a refused
// command publishes nothing. On SQLite and PostgreSQL (vitest.pg.config.ts).
import { asc } from "drizzle-orm";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { outboxEvents } from "@/db/schema";
import { EVENT_DATA } from "@/lib/contract/events";
import { invoiceMilestone } from "@/lib/data/billing";
import { raiseEscalation, triageEscalation } from "@/lib/data/escalations";
import { castVote, decideGate, submitGate } from "@/lib/data/gates";
import { isPublicEventType, type PublicEventType } from "@/lib/domain/event-types";
import { acceptedSprint } from "@/lib/testing/delivery-fixtures";
import { createTestDb, ctxFor, makeWorld } from "@/lib/testing/fixtures";
import { approveMustArtifacts, makeGateWorld, refusalOf, submitMustArtifacts } from "@/lib/testing/gate-fixtures";
import { certifiedGuardian, makeReadinessWorld } from "@/lib/testing/readiness-fixtures";
import { paymentMilestones } from "@/db/schema";

const project = z.strictObject({ id: z.uuid(), name: z.string() });

/** The public events written so far, each checked against its contract (no field missing or extra). */
async function published(db: Db) {
  const rows = await db.select().from(outboxEvents).orderBy(asc(outboxEvents.seq));
  return rows
    .filter((row) => isPublicEventType(row.type))
    .map((row) => {
      const type = row.type as PublicEventType;
      const schema = z.strictObject({ ...EVENT_DATA[type].shape, project });
      const parsed = schema.safeParse(row.data);
      if (!parsed.success) throw new Error(`${type}: ${parsed.error.message}`);
      return { type, projectId: row.projectId, data: row.data as Record<string, never> };
    });
}

describe("events the commands publish", () => {
  it("a gate's way through review: versions, reviews, submission, votes and the decision", async () => {
    const db = await createTestDb();
    const w = await makeGateWorld(db);
    const pid = w.project.id;
    expect(await refusalOf(() => submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 }))).toBeTruthy();
    expect(await published(db)).toEqual([]);
    await submitMustArtifacts(db, w);
    await approveMustArtifacts(db, w);
    await submitGate(db, ctxFor(w.pm), { projectId: pid, number: 7 });
    await castVote(db, ctxFor(w.pm), { projectId: pid, number: 7, vote: "go", rationale: "Ready." });
    await castVote(db, ctxFor(w.owner), { projectId: pid, number: 7, vote: "go", rationale: "Ready." });
    await decideGate(db, ctxFor(w.owner), { projectId: pid, number: 7, decision: "go", rationale: "All good." });
    const events = await published(db);
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === "artifact.version_added")).toHaveLength(3);
    expect(types.filter((t) => t === "artifact.reviewed")).toHaveLength(3);
    expect(types.slice(-4)).toEqual(["gate.submitted", "gate.voted", "gate.voted", "gate.decided"]);
    expect(events.every((e) => e.projectId === pid)).toBe(true);
    const [submitted, , voted, decided] = events.slice(-4).map((e) => e.data as Record<string, unknown>);
    expect(submitted).toMatchObject({
      project: { id: pid, name: w.project.name },
      gate: { number: 7, status: "in_review" },
      submittedBy: { id: w.pm.id },
    });
    expect(voted).toMatchObject({ vote: { userId: w.owner.id, vote: "go", rationale: "Ready." } });
    expect(decided).toMatchObject({
      gate: { number: 7, status: "go", round: 1 },
      decision: "go",
      decisionRationale: "All good.",
      decidedBy: { id: w.owner.id },
    });
  });

  it("a sprint's acceptance makes its milestone billable; invoicing it is an event too", async () => {
    const db = await createTestDb();
    const world = await makeWorld(db);
    const sprint = await acceptedSprint(db, world);
    const [milestone] = await db.select().from(paymentMilestones);
    await invoiceMilestone(db, ctxFor(world.pm), {
      projectId: world.project.id,
      milestoneId: milestone.id,
      invoiceReference: "INV-2026-101",
    });
    const events = (await published(db)).filter((e) => e.type.startsWith("sprint.") || e.type.startsWith("milestone."));
    expect(events.map((e) => e.type)).toEqual(["milestone.billable", "sprint.accepted", "milestone.invoiced"]);
    expect(events[1].data).toMatchObject({
      sprint: { id: sprint.id, status: "accepted" },
      decidedBy: { id: world.owner.id },
    });
    expect(events[2].data).toMatchObject({
      milestone: { id: milestone.id, status: "invoiced", invoiceReference: "INV-2026-101" },
    });
  });

  it("an escalation raised and resolved", async () => {
    const db = await createTestDb();
    const w = await makeReadinessWorld(db);
    await certifiedGuardian(db, w);
    const ref = { projectId: w.project.id };
    let e = await raiseEscalation(db, ctxFor(w.guardian), {
      ...ref,
      title: "Invoices stuck",
      description: "Batch run halted at step 3.",
      severity: "high",
      blocking: true,
    });
    e = await triageEscalation(db, ctxFor(w.pm), {
      ...ref,
      escalationId: e.id,
      status: "triaged",
      assigneeId: w.engineer.id,
      expectedVersion: e.version,
    });
    e = await triageEscalation(db, ctxFor(w.pm), {
      ...ref,
      escalationId: e.id,
      status: "in_progress",
      expectedVersion: e.version,
    });
    await triageEscalation(db, ctxFor(w.pm), {
      ...ref,
      escalationId: e.id,
      status: "resolved",
      resolution: "Restarted the batch.",
      expectedVersion: e.version,
    });
    const events = (await published(db)).filter((x) => x.type.startsWith("escalation."));
    expect(
      events.map((x) => [x.type, (x.data as unknown as { escalation: { status: string } }).escalation.status]),
    ).toEqual([
      ["escalation.raised", "open"],
      ["escalation.resolved", "resolved"],
    ]);
  });
});
