import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { enrolAttendees, recordAttendance } from "@/lib/data/training-attendance";
import { getSession } from "@/lib/data/training-sessions";
import { enrolAttendeesSchema, recordAttendanceSchema } from "@/lib/validation/readiness";

/** Enrol guardians: `{"guardianIds": ["…"]}`. */
export const POST = apiRoute<{ projectId: string; sessionId: string }>(
  async (request, ctx, { projectId, sessionId }) => {
    const input = await readJson(request, enrolAttendeesSchema.omit({ projectId: true, sessionId: true }));
    await enrolAttendees(getDb(), ctx, { ...input, projectId, sessionId });
    return await getSession(getDb(), ctx.actor, projectId, sessionId);
  },
);

/** Record attendance and scores: `{"records": [{"guardianId": "…", "attended": true, "score": 85}]}`. */
export const PUT = apiRoute<{ projectId: string; sessionId: string }>(
  async (request, ctx, { projectId, sessionId }) => {
    const input = await readJson(request, recordAttendanceSchema.omit({ projectId: true, sessionId: true }));
    await recordAttendance(getDb(), ctx, { ...input, projectId, sessionId });
    return await getSession(getDb(), ctx.actor, projectId, sessionId);
  },
);
