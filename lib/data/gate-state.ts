// Loaders shared by the gate and artifact data functions: a project's gate with its board,
// artifacts, votes and conditions, always scoped by project id. Also turns domain refusals
// into AppErrors.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { artifacts, gateBoardMembers, gateConditions, gates, gateVotes, users, type Gate } from "@/db/schema";
import type { BoardSeat, GateState, Missing, ProjectState } from "@/lib/domain/gate";
import { AppError, notFound } from "@/lib/errors";

/** Throws the AppError of a domain refusal: 403 for who-may, 409 for workflow rules. */
export function raise(refusal: { code: "forbidden" | "rule_refused"; reason: string; message: string; missing?: Missing[] }): never {
  throw new AppError(refusal.code, refusal.message, refusal.reason, refusal.missing ? { missing: refusal.missing } : undefined);
}

export function loadGate(db: DbOrTx, projectId: string, number: number): Gate {
  const gate = db
    .select()
    .from(gates)
    .where(and(eq(gates.projectId, projectId), eq(gates.number, number)))
    .get();
  if (!gate) throw notFound(`Gate ${number}`);
  return gate;
}

export const gateState = (gate: Gate): GateState => ({
  number: gate.number,
  status: gate.status,
  round: gate.round,
  decisionRule: gate.decisionRule,
  quorum: gate.quorum,
});

export const projectState = (project: { status: ProjectState["status"]; currentGate: number }): ProjectState => ({
  status: project.status,
  currentGate: project.currentGate,
});

export function boardOf(db: DbOrTx, gateIds: string[]) {
  if (!gateIds.length) return [];
  return db
    .select({ gateId: gateBoardMembers.gateId, userId: users.id, email: users.email, name: users.name, globalRole: users.role, required: gateBoardMembers.required })
    .from(gateBoardMembers)
    .innerJoin(users, eq(users.id, gateBoardMembers.userId))
    .where(inArray(gateBoardMembers.gateId, gateIds))
    .orderBy(asc(users.name))
    .all();
}

export const seats = (board: { userId: string; required: boolean }[]): BoardSeat[] => board.map((b) => ({ userId: b.userId, required: b.required }));

export function artifactsOf(db: DbOrTx, projectId: string, gateId: string) {
  return db
    .select()
    .from(artifacts)
    .where(and(eq(artifacts.projectId, projectId), eq(artifacts.gateId, gateId)))
    .orderBy(asc(artifacts.createdAt), sql`${artifacts}.rowid`)
    .all();
}

export function votesOf(db: DbOrTx, gateId: string, round: number) {
  return db
    .select()
    .from(gateVotes)
    .where(and(eq(gateVotes.gateId, gateId), eq(gateVotes.round, round)))
    .all();
}

export function openConditionsOf(db: DbOrTx, projectId: string, gateNumber: number) {
  const gate = db
    .select({ id: gates.id })
    .from(gates)
    .where(and(eq(gates.projectId, projectId), eq(gates.number, gateNumber)))
    .get();
  if (!gate) return [];
  return db
    .select()
    .from(gateConditions)
    .where(and(eq(gateConditions.gateId, gate.id), eq(gateConditions.status, "open")))
    .all();
}

/**
 * Moves the gate to its next state only if nobody changed it since it was read (the caller
 * holds an immediate transaction, so this is belt and braces against a stale expectedVersion).
 */
export function updateGate(db: DbOrTx, gate: Gate, set: Partial<Gate>): Gate {
  const updated = db
    .update(gates)
    .set({ ...set, version: gate.version + 1 })
    .where(and(eq(gates.id, gate.id), eq(gates.projectId, gate.projectId), eq(gates.version, gate.version)))
    .returning()
    .get();
  if (!updated) {
    throw new AppError("stale_version", "Someone else changed this gate in the meantime. Reload and try again.", "stale_version");
  }
  return updated;
}
