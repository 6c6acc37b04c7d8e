// A project on the six-step rollout, driven through the data layer: its gates, go-live readiness,
// health, schedule and status report come from its policy's six steps, never from seven gates.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, first } from "@/db/client";
import { artifacts, gates, projects } from "@/db/schema";
import { addArtifactVersion, reviewArtifact } from "@/lib/data/artifacts";
import { listGates } from "@/lib/data/gate-views";
import { castVote, decideGate, submitGate } from "@/lib/data/gates";
import { getGoLive } from "@/lib/data/go-live-readiness";
import { computeHealth } from "@/lib/data/health";
import { projectSchedule } from "@/lib/data/schedule";
import { generateStatusReport, getStatusReport } from "@/lib/data/status-reports";
import { ctxFor, createTestDb } from "@/lib/testing/fixtures";
import { makeSixStepWorld } from "@/lib/testing/six-step-fixtures";

type World = Awaited<ReturnType<typeof makeSixStepWorld>>;

/** Passes the current step the way its board would: versions, the owner's approvals, votes, go. */
async function passStep(db: Db, w: World, number: number) {
  const gate = (await first(
    db
      .select()
      .from(gates)
      .where(and(eq(gates.projectId, w.project.id), eq(gates.number, number))),
  ))!;
  for (const a of (await db.select().from(artifacts).where(eq(artifacts.gateId, gate.id))).filter(
    (a) => a.requirement === "must",
  )) {
    await addArtifactVersion(db, ctxFor(w.engineer), {
      projectId: w.project.id,
      artifactId: a.id,
      source: { kind: "markdown", markdown: `# ${a.title}\n\nAgreed.` },
    });
    await reviewArtifact(db, ctxFor(w.owner), {
      projectId: w.project.id,
      artifactId: a.id,
      decision: "approve",
      comment: "OK.",
    });
  }
  await submitGate(db, ctxFor(w.pm), { projectId: w.project.id, number });
  for (const voter of [w.pm, w.owner])
    await castVote(db, ctxFor(voter), { projectId: w.project.id, number, vote: "go", rationale: "Objectives met." });
  await decideGate(db, ctxFor(w.pm), { projectId: w.project.id, number, decision: "go", rationale: "Board agrees." });
}

const currentGate = async (db: Db, w: World) =>
  (await first(db.select({ n: projects.currentGate }).from(projects).where(eq(projects.id, w.project.id))))!.n;
const gatesItem = async (db: Db, w: World) =>
  (await getGoLive(db, w.pm, w.project.id)).checklist.find((c) => c.key === "gates_passed")!;

describe("a project on the six-step rollout", () => {
  let db: Db;
  let w: World;
  beforeEach(async () => {
    db = await createTestDb();
    w = await makeSixStepWorld(db);
  });

  it("has steps 6 → 1 with the policy's boards, starting at step 6", async () => {
    const { gates: list } = await listGates(db, w.pm, w.project.id);
    expect(list.map((g) => [g.number, g.name])).toEqual([
      [6, "Kickoff meeting"],
      [5, "“As-is” presentation"],
      [4, "Work plan"],
      [3, "Homologation validation"],
      [2, "Production validation"],
      [1, "Go-live"],
    ]);
    expect(list[0].current).toBe(true);
    const seats = (number: number) => list.find((g) => g.number === number)!.board.map((s) => [s.userId, s.required]);
    expect(seats(6)).toEqual(
      expect.arrayContaining([
        [w.pm.id, true],
        [w.owner.id, true],
      ]),
    );
    expect(seats(6).some(([id]) => id === w.guardian.id)).toBe(false);
    expect(seats(3)).toEqual(expect.arrayContaining([[w.guardian.id, false]]));
  });

  it("computes go-live readiness from steps 6 to 2, and the go-live step holds the acceptance", async () => {
    expect(await gatesItem(db, w)).toMatchObject({
      label: "Gates 6 to 2 passed, with no open conditions",
      done: false,
      detail: "Not passed yet: gate 6, 5, 4, 3, 2.",
    });
    expect((await getGoLive(db, w.pm, w.project.id)).goLiveGate).toEqual({ number: 1, name: "Go-live" });
    for (const number of [6, 5, 4]) await passStep(db, w, number);
    expect(await currentGate(db, w)).toBe(3);
    // At step 3 a seven-gate rule (gates 7..4 behind, current ≤ 3) would already be satisfied.
    expect(await gatesItem(db, w)).toMatchObject({ done: false, detail: "Not passed yet: gate 3, 2." });
    for (const number of [3, 2]) await passStep(db, w, number);
    expect(await currentGate(db, w)).toBe(1);
    expect(await gatesItem(db, w)).toMatchObject({
      done: true,
      detail: "Gates 6 to 2 are passed and every condition is met.",
    });
  });

  it("health names the current step when it is overdue", async () => {
    await passStep(db, w, 6);
    await db
      .update(gates)
      .set({ plannedDate: "2026-03-01" })
      .where(and(eq(gates.projectId, w.project.id), eq(gates.number, 5)));
    const verdict = (
      await computeHealth(
        db,
        [(await first(db.select().from(projects).where(eq(projects.id, w.project.id))))!],
        "2026-03-06",
      )
    ).get(w.project.id)!;
    expect(verdict.health).toBe("amber");
    expect(verdict.reasons.map((r) => r.text)).toContain(
      "Gate 5 (“As-is” presentation) is 5 days past its planned date 2026-03-01",
    );
  });

  it("the schedule and the status report show the six steps", async () => {
    await db.update(gates).set({ plannedDate: "2026-06-01" }).where(eq(gates.projectId, w.project.id));
    await passStep(db, w, 6);
    const { items } = await projectSchedule(db, w.pm, w.project.id, "2026-03-01");
    const steps = items.filter((i) => i.kind === "Gate");
    expect(steps.map((i) => i.label.split(" ")[0])).toEqual(["6", "5", "4", "3", "2", "1"]);
    expect(steps.map((i) => i.state)).toEqual(["done", "active", "planned", "planned", "planned", "planned"]);

    const report = await generateStatusReport(db, ctxFor(w.pm), { projectId: w.project.id });
    const { snapshot, markdown } = await getStatusReport(db, w.pm, w.project.id, report.id);
    expect(snapshot.gateStatus.gates.map((g) => [g.number, g.status])).toEqual([
      [6, "go"],
      [5, "pending"],
      [4, "pending"],
      [3, "pending"],
      [2, "pending"],
      [1, "pending"],
    ]);
    expect(snapshot.gateStatus.current?.text).toBe("Gate 5 (“As-is” presentation): pending");
    expect(markdown).not.toMatch(/Gate 7/);
  });

  it("another organisation's client sees none of it", async () => {
    for (const read of [
      async () => await listGates(db, w.otherViewer, w.project.id),
      async () => await getGoLive(db, w.otherViewer, w.project.id),
      async () => await projectSchedule(db, w.otherViewer, w.project.id),
    ]) {
      await expect(read()).rejects.toThrow(expect.objectContaining({ code: "not_found" }));
    }
    await expect(submitGate(db, ctxFor(w.otherViewer), { projectId: w.project.id, number: 6 })).rejects.toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
  });
});
