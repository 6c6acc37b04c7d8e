// Who attends a training session and how they did: enrolling guardians, then recording attendance
// and scores once the session has started. Both recompute the guardians' statuses in the same transaction.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { trainingAttendance } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { recomputeGuardianStatuses } from "@/lib/data/guardians";
import { trainingCommand } from "@/lib/data/training-modules";
import { enrol, loadSession } from "@/lib/data/training-sessions";
import { checkAttendance } from "@/lib/domain/training";
import { refused } from "@/lib/errors";
import type { enrolAttendeesInput, recordAttendanceInput } from "@/lib/contract/training";

export async function enrolAttendees(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof enrolAttendeesInput>,
): Promise<string[]> {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
    const session = await loadSession(tx, project.id, input.sessionId);
    const enrolled = await enrol(tx, project.id, session.id, input.guardianIds, "guardianIds");
    if (enrolled.length) {
      audit({
        action: "training.session.enrol",
        objectType: "training_session",
        objectId: session.id,
        after: { guardianIds: enrolled },
      });
      await recomputeGuardianStatuses(tx, audit, project.id, enrolled);
    }
    return enrolled;
  });
}

export async function recordAttendance(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof recordAttendanceInput>,
  now = new Date(),
) {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
    const session = await loadSession(tx, project.id, input.sessionId);
    const current = await tx.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, session.id));
    const verdict = checkAttendance(
      { startsAt: session.startsAt, enrolledGuardianIds: current.map((c) => c.guardianId) },
      input.records,
      now,
    );
    if (!verdict.ok) refused(verdict.refusal);
    const at = now.toISOString();
    const changes = [];
    for (const record of input.records) {
      const before = current.find((c) => c.guardianId === record.guardianId)!;
      if (before.attended === record.attended && before.score === record.score) continue;
      await tx
        .update(trainingAttendance)
        .set({ attended: record.attended, score: record.score, recordedBy: ctx.actor.id, recordedAt: at })
        .where(and(eq(trainingAttendance.sessionId, session.id), eq(trainingAttendance.guardianId, record.guardianId)));
      changes.push({
        guardianId: record.guardianId,
        before: { attended: before.attended, score: before.score },
        after: { attended: record.attended, score: record.score },
      });
    }
    if (changes.length) {
      audit({
        action: "training.attendance.record",
        objectType: "training_session",
        objectId: session.id,
        after: { changes },
      });
      await recomputeGuardianStatuses(
        tx,
        audit,
        project.id,
        changes.map((c) => c.guardianId),
      );
    }
    return { changed: changes.length };
  });
}
