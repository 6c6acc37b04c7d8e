import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { createModule, listModulesWithMaterials } from "@/lib/data/training-modules";
import { createModuleSchema } from "@/lib/validation/readiness";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => ({
  items: await listModulesWithMaterials(getDb(), ctx.actor, projectId),
}));

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, createModuleSchema.omit({ projectId: true }));
  return Response.json(await createModule(getDb(), ctx, { ...input, projectId }), { status: 201 });
});
