// Gate commands: submit for review, vote, decide, meet a condition. Each one goes through
// projectCommand: authorize → lib/domain/gate → write (version-checked) → audit.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { gateConditions, gateDecisions, gates, gateVotes, projectMembers, projects, type Gate } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { requireProjectPermission } from "@/lib/data/access";
import { type CommandEvent, projectCommand } from "@/lib/data/command";
import {
  artifactsOf,
  boardOf,
  gateForVote,
  gateState,
  loadGate,
  projectState,
  seats,
  submitCommandOf,
  updateGate,
  votesOf,
} from "@/lib/data/gate-state";
import { refreshProjectHealth } from "@/lib/data/health";
import { publishEvent, personOf } from "@/lib/data/domain-events";
import { notify } from "@/lib/data/notifications";
import {
  castVote as castVoteRule,
  decide,
  meetCondition as meetConditionRule,
  submit,
  type SubmitCommand,
} from "@/lib/domain/gate";
import type { DomainEvent } from "@/lib/domain/refusal";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, forbidden, notFound, refused } from "@/lib/errors";
import type { decisionSchema, voteSchema } from "@/lib/validation/gates";

export const gateHref = (projectId: string, number: number) => `/projects/${projectId}/gates/${number}`;

/** The gate rule's events as audit events: project events on the project, the rest on the gate. */
const gateEvents = (gate: Gate, events: DomainEvent[]): CommandEvent[] =>
  events.map((event) => {
    const onProject = event.action.startsWith("project.");
    return {
      action: event.action,
      objectType: onProject ? "project" : "gate",
      objectId: onProject ? gate.projectId : gate.id,
      before: event.before,
      after: event.after,
    };
  });

/** A gate as its events name it. */
const gateRefOf = (gate: Gate) => ({
  id: gate.id,
  number: gate.number,
  name: gate.name,
  status: gate.status,
  round: gate.round,
});

/** PM submits the current gate for review; refused with the list of what is missing. */
export async function submitGate(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; number: number; expectedVersion?: number },
): Promise<Gate> {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "gate.manage",
    load: (tx, project) => loadGate(tx, project.id, input.number),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, project, target: gate, audit }) => {
      const outcome = submit(await submitCommandOf(tx, gate, project, { id: ctx.actor.id, name: ctx.actor.name }));
      if (!outcome.ok) refused(outcome.refusal);
      const updated = await updateGate(tx, gate, {
        status: "in_review",
        round: outcome.next.round,
        submittedAt: new Date().toISOString(),
        submittedBy: ctx.actor.id,
      });
      if (outcome.next.projectStatus !== project.status) {
        await setProject(tx, project.id, { status: outcome.next.projectStatus });
      }
      audit(...gateEvents(gate, outcome.events));
      await refreshProjectHealth(tx, gate.projectId);
      await publishEvent(tx, "gate.submitted", project, {
        gate: { ...gateRefOf(updated), submittedAt: updated.submittedAt! },
        submittedBy: personOf(ctx.actor),
      });
      await notify(tx, ctx.actor.id, {
        userIds: (await boardOf(tx, [gate.id])).map((b) => b.userId),
        projectId: project.id,
        kind: "gate_submitted",
        title: `Gate ${gate.number} “${gate.name}” of ${project.name} is ready for your review`,
        params: { number: gate.number, name: gate.name, project: project.name },
        href: gateHref(project.id, gate.number),
      });
      return updated;
    },
  });
}

/** What submitting the gate would be judged on now, for the PM's page (refusals before any confirmation). */
export async function submitCommandFor(
  db: DbOrTx,
  actor: Actor,
  input: { projectId: string; number: number },
): Promise<SubmitCommand> {
  const access = await requireProjectPermission(db, actor, input.projectId, "gate.manage");
  return await submitCommandOf(db, await loadGate(db, input.projectId, input.number), access.project, {
    id: actor.id,
    name: actor.name,
  });
}

/** A board member casts or changes their vote for the current review round. */
export async function castVote(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; number: number } & z.infer<typeof voteSchema>,
) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "view",
    load: (tx, project) => gateForVote(tx, project.id, input.number, ctx.actor.id),
    run: async ({ tx, project, target: { gate, seats: board, previous }, audit }) => {
      const outcome = castVoteRule({
        gate: gateState(gate),
        project: projectState(project),
        board,
        voterId: ctx.actor.id,
        previousVote: previous,
        vote: input.vote,
        rationale: input.rationale,
      });
      if (!outcome.ok) refused(outcome.refusal);
      const now = new Date().toISOString();
      const vote = await one(
        tx
          .insert(gateVotes)
          .values({
            gateId: gate.id,
            round: gate.round,
            userId: ctx.actor.id,
            vote: input.vote,
            rationale: input.rationale,
            castAt: now,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: [gateVotes.gateId, gateVotes.round, gateVotes.userId],
            set: { vote: input.vote, rationale: input.rationale, updatedAt: now },
          })
          .returning(),
      );
      // A vote changes what a decision is based on: a decision made on the older picture is stale.
      await updateGate(tx, gate, {});
      audit(...gateEvents(gate, outcome.events));
      await publishEvent(tx, "gate.voted", project, {
        gate: gateRefOf(gate),
        vote: { userId: ctx.actor.id, name: ctx.actor.name, vote: vote.vote, rationale: vote.rationale, at: now },
      });
      return vote;
    },
  });
}

type Decision = Omit<z.infer<typeof decisionSchema>, "conditions"> & {
  conditions?: z.infer<typeof decisionSchema>["conditions"];
};

/** A board member records the gate's decision; go needs approved artifacts and the rule met. */
export async function decideGate(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; number: number } & Decision,
): Promise<Gate> {
  const conditions = input.conditions ?? [];
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "view",
    load: (tx, project) => loadGate(tx, project.id, input.number),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, project, target: gate, audit }) => {
      const board = await boardOf(tx, [gate.id]);
      const outcome = decide({
        gate: gateState(gate),
        project: projectState(project),
        board: seats(board),
        votes: await votesOf(tx, gate.id, gate.round),
        artifacts: await artifactsOf(tx, project.id, gate.id),
        deciderId: ctx.actor.id,
        decision: input.decision,
        rationale: input.rationale,
        conditions,
      });
      if (!outcome.ok) refused(outcome.refusal);
      const members = await tx
        .select({ userId: projectMembers.userId })
        .from(projectMembers)
        .where(eq(projectMembers.projectId, project.id));
      const eligibleOwners = new Set([...members.map((m) => m.userId), ...board.map((b) => b.userId)]);
      const badOwner = conditions.findIndex((c) => !eligibleOwners.has(c.ownerId));
      if (badOwner >= 0) {
        throw new AppError(
          "invalid_input",
          "A condition's owner must be a project member or sit on the board.",
          "invalid_input",
          {
            fieldErrors: { [`conditions.${badOwner}.ownerId`]: ["Choose a project member or board member."] },
          },
          { problem: "conditionOwnerInvalid", fields: { [`conditions.${badOwner}.ownerId`]: "chooseConditionOwner" } },
        );
      }
      const now = new Date().toISOString();
      const next = outcome.next;
      await tx.insert(gateDecisions).values({
        gateId: gate.id,
        round: next.decidedRound,
        decision: input.decision,
        rationale: input.rationale,
        decidedBy: ctx.actor.id,
        decidedAt: now,
      });
      if (next.conditions.length) {
        await tx
          .insert(gateConditions)
          .values(
            next.conditions.map((c) => ({ gateId: gate.id, text: c.text, ownerId: c.ownerId, dueDate: c.dueDate })),
          );
      }
      const reopened = next.round !== gate.round;
      const updated = await updateGate(tx, gate, {
        status: next.gateStatus,
        round: next.round,
        decision: input.decision,
        decisionRationale: input.rationale,
        decidedBy: ctx.actor.id,
        decidedAt: now,
        ...(reopened ? { submittedAt: null, submittedBy: null } : {}),
      });
      if (next.projectStatus !== project.status || next.currentGate !== project.currentGate) {
        await setProject(tx, project.id, { status: next.projectStatus, currentGate: next.currentGate });
      }
      audit(...gateEvents(gate, outcome.events));
      await refreshProjectHealth(tx, gate.projectId);
      await publishEvent(tx, "gate.decided", project, {
        // The round decided, not the new one a recycle or hold opens.
        gate: { ...gateRefOf(updated), round: next.decidedRound, decidedAt: now },
        decision: input.decision,
        decisionRationale: input.rationale,
        decidedBy: personOf(ctx.actor),
      });
      await notify(tx, ctx.actor.id, {
        userIds: [...eligibleOwners],
        projectId: project.id,
        kind: "gate_decided",
        title: `Gate ${gate.number} of ${project.name}: ${input.decision.replace("_", " ")}`,
        params: { number: gate.number, project: project.name, decision: input.decision },
        href: gateHref(project.id, gate.number),
      });
      return updated;
    },
  });
}

/** The owner of a condition, or the PM, records that it is met. */
export async function meetCondition(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; conditionId: string; note?: string },
) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "view",
    run: async ({ tx, access, project, audit }) => {
      const row = await first(
        tx
          .select({ condition: gateConditions, gateNumber: gates.number })
          .from(gateConditions)
          .innerJoin(gates, eq(gates.id, gateConditions.gateId))
          .where(and(eq(gateConditions.id, input.conditionId), eq(gates.projectId, project.id))),
      );
      if (!row) throw notFound("This condition");
      if (row.condition.ownerId !== ctx.actor.id && !access.can("gate.manage")) {
        throw forbidden("Only the condition's owner or the project manager can mark it met.", {
          problem: "conditionOwnerOrManager",
        });
      }
      const outcome = meetConditionRule(row.condition);
      if (!outcome.ok) refused(outcome.refusal);
      const now = new Date().toISOString();
      const updated = await first(
        tx
          .update(gateConditions)
          .set({ status: "met", closedAt: now, closedBy: ctx.actor.id })
          .where(and(eq(gateConditions.id, row.condition.id), eq(gateConditions.status, "open")))
          .returning(),
      );
      if (!updated) refused({ code: "condition_already_met", message: "This condition is already met." });
      // The condition table has no note column: the note of how it was met lives in the audit trail.
      audit(
        ...outcome.events.map((event) => ({
          ...event,
          after: input.note ? { ...(event.after as object), note: input.note } : event.after,
          objectType: "gate_condition",
          objectId: row.condition.id,
        })),
      );
      return updated;
    },
  });
}

async function setProject(
  tx: DbOrTx,
  projectId: string,
  set: { status?: (typeof projects.$inferSelect)["status"]; currentGate?: number },
) {
  const project = (await first(
    tx.select({ version: projects.version }).from(projects).where(eq(projects.id, projectId)),
  ))!;
  await tx
    .update(projects)
    .set({ ...set, version: project.version + 1, updatedAt: new Date().toISOString() })
    .where(eq(projects.id, projectId));
}
