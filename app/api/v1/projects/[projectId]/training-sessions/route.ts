import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { listSessions, scheduleSession } from "@/lib/data/training-sessions";
import { scheduleSessionSchema } from "@/lib/validation/readiness";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => ({
  items: await listSessions(getDb(), ctx.actor, projectId),
}));

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const body = await readJson(request, z.record(z.string(), z.unknown(), { error: "Send a JSON object." }));
  // The project comes from the path; the full schema keeps the on-site/remote rule.
  const input = validate(scheduleSessionSchema, { ...body, projectId });
  return Response.json(await scheduleSession(getDb(), ctx, input), { status: 201 });
});
