import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { freezeIntegrationDiagramOp } from "@/lib/contract/integration";
import { freezeIntegrationDiagram } from "@/lib/data/integration-diagram";

export const POST = route(
  freezeIntegrationDiagramOp,
  async ({ ctx, params }) => await freezeIntegrationDiagram(getDb(), ctx, params.projectId),
);
