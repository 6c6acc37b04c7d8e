import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { enrolAttendeesOp, recordAttendanceOp } from "@/lib/contract/training";
import { enrolAttendees, recordAttendance } from "@/lib/data/training-attendance";
import { getSession } from "@/lib/data/training-sessions";

/** Enrol guardians: `{"guardianIds": ["…"]}`. */
export const POST = route(enrolAttendeesOp, async ({ ctx, params, body }) => {
  await enrolAttendees(getDb(), ctx, { ...body, ...params });
  return await getSession(getDb(), ctx.actor, params.projectId, params.sessionId);
});

/** Record attendance and scores: `{"records": [{"guardianId": "…", "attended": true, "score": 85}]}`. */
export const PUT = route(recordAttendanceOp, async ({ ctx, params, body }) => {
  await recordAttendance(getDb(), ctx, { ...body, ...params });
  return await getSession(getDb(), ctx.actor, params.projectId, params.sessionId);
});
