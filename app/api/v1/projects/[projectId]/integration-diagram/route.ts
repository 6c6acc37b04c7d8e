import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { getIntegrationDiagram } from "@/lib/data/integration-diagram";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const { mermaid, systems, interfaces } = await getIntegrationDiagram(getDb(), ctx.actor, projectId);
  return { mermaid, systems: systems.length, interfaces: interfaces.length };
});
