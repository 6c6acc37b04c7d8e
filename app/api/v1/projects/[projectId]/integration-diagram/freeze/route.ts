import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { freezeIntegrationDiagram } from "@/lib/data/integration-diagram";

export const POST = apiRoute<{ projectId: string }>((_request, ctx, { projectId }) => {
  return Response.json(freezeIntegrationDiagram(getDb(), ctx, projectId), { status: 201 });
});
