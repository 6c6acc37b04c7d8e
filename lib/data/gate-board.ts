// The PM's side of a gate: who sits on its review board (vendor or client side, required or
// not) and when it is planned. Boards change only while the gate is not in review or decided.
import { and, asc, desc, eq, isNull, lt, ne, or } from "drizzle-orm";
import { type Db, type DbOrTx, first } from "@/db/client";
import { gateBoardMembers, gates, users, type Gate } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { type CommandScope, projectCommand } from "@/lib/data/command";
import { boardOf, loadGate, gateState, updateGate } from "@/lib/data/gate-state";
import { changeBoard, isDecided } from "@/lib/domain/gate";
import { plannedDateProblem } from "@/lib/domain/gate-schedule";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, refused } from "@/lib/errors";
import type { ProblemKey } from "@/lib/refusal-words";

const invalidUser = (message: string, problem: ProblemKey) =>
  new AppError("invalid_input", message, "invalid_board_member", { fieldErrors: { userId: [message] } }, { problem });

/** Seats `userId` on one gate's board (or changes whether they are required); audited. */
async function seat(
  tx: DbOrTx,
  audit: CommandScope<Gate>["audit"],
  gate: Gate,
  user: { id: string; email: string },
  required: boolean,
) {
  const where = and(eq(gateBoardMembers.gateId, gate.id), eq(gateBoardMembers.userId, user.id));
  const existing = await first(tx.select().from(gateBoardMembers).where(where));
  if (existing?.required === required) return;
  if (existing) {
    await tx.update(gateBoardMembers).set({ required }).where(where);
  } else {
    await tx.insert(gateBoardMembers).values({ gateId: gate.id, userId: user.id, required });
  }
  await updateGate(tx, gate, {});
  audit({
    action: existing ? "gate.board.update" : "gate.board.add",
    objectType: "gate",
    objectId: gate.id,
    before: existing ? { userId: user.id, required: existing.required } : null,
    after: { number: gate.number, userId: user.id, email: user.email, required },
  });
}

/**
 * Seats a user on the board (or changes whether they are required). With
 * `alsoOnRemainingGates`, also on every later gate whose board can still change, with the same
 * `required` flag, in the same transaction.
 */
export async function setBoardSeat(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; number: number; userId: string; required: boolean; alsoOnRemainingGates?: boolean },
) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "gate.manage",
    load: (tx, project) => loadGate(tx, project.id, input.number),
    run: async ({ tx, project, target: gate, audit }) => {
      const allowed = changeBoard(gateState(gate));
      if (!allowed.ok) refused(allowed.refusal);
      const user = await first(tx.select().from(users).where(eq(users.id, input.userId)));
      if (!user || user.disabledAt) throw invalidUser("Choose an active user.", "chooseActiveUser");
      // Client accounts of another organisation must never be seated (they would see this project).
      if (user.role === "client" && user.organizationId !== project.organizationId) {
        throw invalidUser(
          "Client users on the board must belong to this project's client organisation.",
          "boardClientOrganisation",
        );
      }
      await seat(tx, audit, gate, user, input.required);
      if (!input.alsoOnRemainingGates) return;
      // Later gates have lower numbers (gates are passed from the highest down).
      const later = await tx
        .select()
        .from(gates)
        .where(and(eq(gates.projectId, project.id), lt(gates.number, gate.number)))
        .orderBy(desc(gates.number));
      for (const next of later) {
        if (changeBoard(gateState(next)).ok) await seat(tx, audit, next, user, input.required);
      }
    },
  });
}

export async function removeBoardSeat(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; number: number; userId: string },
) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "gate.manage",
    load: (tx, project) => loadGate(tx, project.id, input.number),
    run: async ({ tx, target: gate, audit }) => {
      const allowed = changeBoard(gateState(gate));
      if (!allowed.ok) refused(allowed.refusal);
      const removed = await first(
        tx
          .delete(gateBoardMembers)
          .where(and(eq(gateBoardMembers.gateId, gate.id), eq(gateBoardMembers.userId, input.userId)))
          .returning(),
      );
      if (!removed) throw invalidUser("This user is not on the board.", "userNotOnBoard");
      await updateGate(tx, gate, {});
      audit({
        action: "gate.board.remove",
        objectType: "gate",
        objectId: gate.id,
        before: { userId: removed.userId, required: removed.required },
        after: { number: gate.number },
      });
    },
  });
}

export async function setPlannedDate(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; number: number; plannedDate: string | null; expectedVersion?: number },
) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "gate.manage",
    load: (tx, project) => loadGate(tx, project.id, input.number),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, access, project, target: gate, audit }) => {
      const problem = plannedDateProblem(input.plannedDate, project.startDate);
      if (problem)
        throw new AppError(
          "invalid_input",
          problem,
          "invalid_input",
          { fieldErrors: { plannedDate: [problem] } },
          { problem: "gatePlannedBeforeStart", params: { startDate: project.startDate } },
        );
      if (isDecided(gate.status)) {
        throw new AppError(
          "rule_refused",
          `Gate ${gate.number} has been decided; its dates are part of the record.`,
          "gate_decided",
          undefined,
          { problem: "gateDecidedDates", params: { number: gate.number } },
        );
      }
      const updated = await updateGate(tx, gate, { plannedDate: input.plannedDate });
      audit({
        action: "gate.plan",
        objectType: "gate",
        objectId: gate.id,
        before: { plannedDate: gate.plannedDate },
        after: { number: gate.number, plannedDate: input.plannedDate },
      });
      // The project as the command read it (a date changes only the gate), for the answer's view.
      return { access, gate: updated };
    },
  });
}

/** Who the PM can seat: active vendor accounts and the project's own client organisation's accounts. */
export async function boardCandidates(db: DbOrTx, actor: Actor, projectId: string) {
  const access = await requireProjectPermission(db, actor, projectId, "gate.manage");
  return await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        or(ne(users.role, "client"), eq(users.organizationId, access.project.organizationId)),
      ),
    )
    .orderBy(asc(users.name));
}

/** One gate's board as anyone who can see the project reads it, and whether it can still change. */
export async function gateBoard(db: DbOrTx, actor: Actor, projectId: string, number: number) {
  await loadProjectAccess(db, actor, projectId);
  const gate = await loadGate(db, projectId, number);
  return {
    number: gate.number,
    status: gate.status,
    editable: changeBoard(gateState(gate)).ok,
    board: (await boardOf(db, [gate.id])).map((b) => ({
      userId: b.userId,
      email: b.email,
      name: b.name,
      side: b.globalRole === "client" ? ("client" as const) : ("vendor" as const),
      required: b.required,
    })),
  };
}
