import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { createSite, listSites } from "@/lib/data/guardians";
import { createSiteSchema } from "@/lib/validation/readiness";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => ({
  items: await listSites(getDb(), ctx.actor, projectId),
}));

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, createSiteSchema.omit({ projectId: true }));
  return Response.json(await createSite(getDb(), ctx, { ...input, projectId }), { status: 201 });
});
