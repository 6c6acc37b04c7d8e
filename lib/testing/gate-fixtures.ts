// Builders for gate and artifact integration tests: a project with a review board on gate 7
// and helpers to submit and approve its artifacts the way the workflow would.
import { and, eq } from "drizzle-orm";
import { type Db, first } from "@/db/client";
import { artifacts, gates } from "@/db/schema";
import { addArtifactVersion, reviewArtifact } from "@/lib/data/artifacts";
import { setBoardSeat } from "@/lib/data/gate-board";
import { AppError } from "@/lib/errors";
import { ctxFor, makeWorld } from "@/lib/testing/fixtures";

/** The usual world, with owner (required) and boardMember (optional) seated on gate 7 next to the PM. */
export async function makeGateWorld(db: Db) {
  const world = await makeWorld(db);
  await setBoardSeat(db, ctxFor(world.pm), {
    projectId: world.project.id,
    number: 7,
    userId: world.owner.id,
    required: true,
  });
  await setBoardSeat(db, ctxFor(world.pm), {
    projectId: world.project.id,
    number: 7,
    userId: world.boardMember.id,
    required: false,
  });
  return world;
}
export type GateWorld = Awaited<ReturnType<typeof makeGateWorld>>;

export async function gateRow(db: Db, projectId: string, number: number) {
  return (await first(
    db
      .select()
      .from(gates)
      .where(and(eq(gates.projectId, projectId), eq(gates.number, number))),
  ))!;
}

export async function artifactsOfGate(db: Db, projectId: string, number: number) {
  const gate = await gateRow(db, projectId, number);
  return await db.select().from(artifacts).where(eq(artifacts.gateId, gate.id));
}

/** The engineer submits a markdown version of every `must` artifact of the gate. */
export async function submitMustArtifacts(db: Db, w: GateWorld, number = 7) {
  for (const a of (await artifactsOfGate(db, w.project.id, number)).filter((a) => a.requirement === "must")) {
    await addArtifactVersion(db, ctxFor(w.engineer), {
      projectId: w.project.id,
      artifactId: a.id,
      source: { kind: "markdown", markdown: `# ${a.title}\n\nDraft.` },
    });
  }
}

/** The optional board member (not the submitter) approves every `must` artifact of the gate. */
export async function approveMustArtifacts(db: Db, w: GateWorld, number = 7) {
  for (const a of (await artifactsOfGate(db, w.project.id, number)).filter((a) => a.requirement === "must")) {
    await reviewArtifact(db, ctxFor(w.boardMember), {
      projectId: w.project.id,
      artifactId: a.id,
      decision: "approve",
      comment: "",
    });
  }
}

/** Runs a command expected to be refused and returns the AppError (fails the test otherwise). */
export async function refusalOf(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("Expected the command to be refused, but it was applied.");
}
