// The project overview's "Next step" for the PM (and admins): the current gate's diagnosis from
// lib/domain/next-step, with the names and links a person needs to act on it.
import type { DbOrTx } from "@/db/client";
import { loadProjectAccess } from "@/lib/data/access";
import {
  artifactsOf,
  artifactStatesOf,
  boardMembersOf,
  gateState,
  loadGate,
  openConditionsOf,
  projectRolesOf,
  projectState,
  votesOf,
} from "@/lib/data/gate-state";
import { gateHref } from "@/lib/data/gates";
import { nextStep, type NextStep } from "@/lib/domain/next-step";
import type { Actor } from "@/lib/domain/permissions";

export type NextStepView = NextStep & {
  gate: { number: number; name: string; status: string; href: string };
  /** Board members' names by id, for "awaiting review from …". */
  names: Record<string, string>;
};

/** Null for readers who cannot manage the gate: the panel is the PM's to-do list. */
export async function nextStepOf(db: DbOrTx, actor: Actor, projectId: string): Promise<NextStepView | null> {
  const access = await loadProjectAccess(db, actor, projectId);
  if (!access.can("gate.manage")) return null;
  const { project } = access;
  const gate = await loadGate(db, projectId, project.currentGate);
  const roles = await projectRolesOf(db, projectId);
  const board = await boardMembersOf(db, projectId, gate.id, roles);
  const step = nextStep({
    gate: gateState(gate),
    project: projectState(project),
    artifacts: await artifactStatesOf(db, await artifactsOf(db, projectId, gate.id), roles),
    previousOpenConditions: await openConditionsOf(db, projectId, gate.number + 1),
    board,
    votes: await votesOf(db, gate.id, gate.round),
    // The viewer is who would press "Submit", so the board is judged as if they submitted.
    submitter: { id: actor.id, name: actor.name },
  });
  return {
    ...step,
    gate: { number: gate.number, name: gate.name, status: gate.status, href: gateHref(projectId, gate.number) },
    names: Object.fromEntries(board.map((m) => [m.userId, m.name])),
  };
}
