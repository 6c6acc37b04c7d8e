import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { createInterface, getIntegrationRegistry } from "@/lib/data/integration";
import { interfaceView } from "@/lib/data/integration-views";
import { createInterfaceSchema } from "@/lib/validation/integration";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const { interfaces } = await getIntegrationRegistry(getDb(), ctx.actor, projectId);
  return { items: interfaces.map(interfaceView) };
});

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, createInterfaceSchema);
  const row = await createInterface(getDb(), ctx, projectId, input);
  return Response.json(interfaceView(row), { status: 201 });
});
