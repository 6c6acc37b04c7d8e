// A project with a site, two required training modules and the usual cast, for the readiness tests.
import type { Db } from "@/db/client";
import { ctxFor, makeWorld } from "@/lib/testing/fixtures";
import { createSite, nominateGuardian } from "@/lib/data/guardians";
import { recordAttendance } from "@/lib/data/training-attendance";
import { createModule } from "@/lib/data/training-modules";
import { scheduleSession } from "@/lib/data/training-sessions";

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

export async function makeReadinessWorld(db: Db) {
  const world = await makeWorld(db);
  const { pm, project } = world;
  const site = await createSite(db, ctxFor(pm), { projectId: project.id, name: "Hamburg HQ", location: "Hamburg" });
  const usage = await createModule(db, ctxFor(pm), {
    projectId: project.id,
    kind: "usage",
    name: "Usage",
    description: "",
    required: true,
    passMark: 70,
  });
  const administration = await createModule(db, ctxFor(pm), {
    projectId: project.id,
    kind: "administration",
    name: "Administration",
    description: "",
    required: true,
    passMark: 70,
  });
  return { ...world, site, usage, administration };
}

type ReadinessWorld = Awaited<ReturnType<typeof makeReadinessWorld>>;

/** Runs a past session of `moduleId` for the guardian and records the score. */
export async function trainAndScore(
  db: Db,
  w: ReadinessWorld,
  guardianId: string,
  moduleId: string,
  score: number | null,
  attended = true,
) {
  const session = await scheduleSession(db, ctxFor(w.pm), {
    projectId: w.project.id,
    moduleId,
    startsAt: hoursFromNow(-3),
    durationMinutes: 120,
    mode: "on_site",
    siteId: w.site.id,
    trainerId: w.pm.id,
    notes: "",
    attendeeIds: [guardianId],
  });
  await recordAttendance(db, ctxFor(w.pm), {
    projectId: w.project.id,
    sessionId: session.id,
    records: [{ guardianId, attended, score }],
  });
  return session;
}

/** Nominates the world's guardian at the site and certifies them in both modules. */
export async function certifiedGuardian(db: Db, w: ReadinessWorld) {
  const g = await nominateGuardian(db, ctxFor(w.pm), {
    projectId: w.project.id,
    userId: w.guardian.id,
    siteId: w.site.id,
  });
  await trainAndScore(db, w, g.id, w.usage.id, 80);
  await trainAndScore(db, w, g.id, w.administration.id, 90);
  return g;
}
