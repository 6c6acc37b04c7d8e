import { getDb } from "@/db/client";
import { apiRoute, pageParams, readJson } from "@/lib/api";
import { pageEscalations, raiseEscalation } from "@/lib/data/escalations";
import { raiseEscalationSchema } from "@/lib/validation/readiness";

/** Newest first, paginated with `?limit=&cursor=`. */
export const GET = apiRoute<{ projectId: string }>(
  async (request, ctx, { projectId }) => await pageEscalations(getDb(), ctx.actor, projectId, pageParams(request)),
);

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, raiseEscalationSchema.omit({ projectId: true }));
  return Response.json(await raiseEscalation(getDb(), ctx, { ...input, projectId }), { status: 201 });
});
