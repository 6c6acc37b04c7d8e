import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { listEscalations, raiseEscalation } from "@/lib/data/escalations";
import { raiseEscalationSchema } from "@/lib/validation/readiness";

export const GET = apiRoute<{ projectId: string }>((_request, ctx, { projectId }) => ({ items: listEscalations(getDb(), ctx.actor, projectId) }));

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, raiseEscalationSchema.omit({ projectId: true }));
  return Response.json(raiseEscalation(getDb(), ctx, { ...input, projectId }), { status: 201 });
});
