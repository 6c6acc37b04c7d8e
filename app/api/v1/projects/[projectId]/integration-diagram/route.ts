import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getIntegrationDiagramOp } from "@/lib/contract/integration";
import { getIntegrationDiagram } from "@/lib/data/integration-diagram";

export const GET = route(getIntegrationDiagramOp, async ({ ctx, params }) => {
  const { mermaid, systems, interfaces } = await getIntegrationDiagram(getDb(), ctx.actor, params.projectId);
  return { mermaid, systems: systems.length, interfaces: interfaces.length };
});
