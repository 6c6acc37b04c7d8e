// Sprints carried through their workflow with the data layer itself, for tests that need one in
// review or accepted (billing, quality, estimates): plan → start → QS0 evidence → production
// deployment → review (→ the client owner's acceptance).
import type { Db } from "@/db/client";
import { recordEvidence, selectQuality } from "@/lib/data/quality";
import { ensureDefaultQualityScale } from "@/lib/data/quality-scale";
import { addScopeItem } from "@/lib/data/roadmap";
import {
  decideSprintAcceptance,
  planSprint,
  recordDeployment,
  startSprint,
  submitSprintForReview,
} from "@/lib/data/sprints";
import { ctxFor, type makeWorld } from "./fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;

/** The answers of a small configuration change: they recommend the lowest level, QS0. */
export const SMALL_CHANGE = {
  changeSize: "small" as const,
  touchesRating: false,
  touchesIntegrations: false,
  includesMigration: false,
  customerFacing: false,
  regulatory: false,
};

/** A planned sprint of the world's project with one committed item, numbered in order; its dates follow its number. */
export async function plannedSprint(db: Db, world: World, n = 1) {
  const month = String(n).padStart(2, "0");
  const item = await addScopeItem(db, ctxFor(world.pm), {
    projectId: world.project.id,
    title: `Item of sprint ${n}`,
    category: "configuration",
    priority: "must",
    estimateDays: 2,
    releaseId: null,
    reason: "",
  });
  const { sprint } = await planSprint(db, ctxFor(world.pm), {
    projectId: world.project.id,
    goal: `Sprint goal ${n}`,
    startDate: `2026-${month}-01`,
    endDate: `2026-${month}-14`,
    capacityDays: 10,
    scopeItemIds: [item.id],
    releaseId: null,
  });
  return sprint;
}

/** A sprint ready for the client owner's decision: every QS0 activity passed, deployed to production. */
export async function sprintInReview(db: Db, world: World, n = 1) {
  await ensureDefaultQualityScale(db);
  const sprint = await plannedSprint(db, world, n);
  const ref = { projectId: world.project.id, sprintId: sprint.id };
  await startSprint(db, ctxFor(world.pm), ref);
  const selection = await selectQuality(db, ctxFor(world.engineer), {
    ...ref,
    answers: SMALL_CHANGE,
    chosenLevel: "QS0",
    justification: "",
  });
  for (const activity of selection.activities) {
    await recordEvidence(db, ctxFor(world.engineer), {
      ...ref,
      activityKey: activity.key,
      result: "passed",
      reason: "",
      link: "https://ci.example/run/1",
    });
  }
  await recordDeployment(db, ctxFor(world.engineer), {
    ...ref,
    releaseVersion: `1.${n}.0`,
    environment: "production",
    deployedOn: sprint.endDate,
  });
  await submitSprintForReview(db, ctxFor(world.pm), ref);
  return sprint;
}

/** An accepted sprint: its payment milestone is billable. */
export async function acceptedSprint(db: Db, world: World, n = 1) {
  const sprint = await sprintInReview(db, world, n);
  await decideSprintAcceptance(db, ctxFor(world.owner), {
    projectId: world.project.id,
    sprintId: sprint.id,
    decision: "accept",
    comment: "",
  });
  return sprint;
}
