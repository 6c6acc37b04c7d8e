import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { createSystem, getIntegrationRegistry } from "@/lib/data/integration";
import { systemView } from "@/lib/data/integration-views";
import { createSystemSchema } from "@/lib/validation/integration";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const { systems } = await getIntegrationRegistry(getDb(), ctx.actor, projectId);
  return { items: systems.map(systemView) };
});

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, createSystemSchema);
  const system = await createSystem(getDb(), ctx, projectId, input);
  return Response.json(systemView(system), { status: 201 });
});
