import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { freezeIntegrationDiagram } from "@/lib/data/integration-diagram";

export const POST = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  return Response.json(await freezeIntegrationDiagram(getDb(), ctx, projectId), { status: 201 });
});
