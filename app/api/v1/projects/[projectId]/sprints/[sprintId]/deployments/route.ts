import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { recordDeployment } from "@/lib/data/sprints";
import { deploymentSchema } from "@/lib/validation/sprints";

const body = deploymentSchema.omit({ projectId: true, sprintId: true });

export const POST = apiRoute<{ projectId: string; sprintId: string }>(async (request, ctx, { projectId, sprintId }) => {
  const input = await readJson(request, body);
  const d = await recordDeployment(getDb(), ctx, { ...input, projectId, sprintId });
  return Response.json(
    { id: d.id, releaseVersion: d.releaseVersion, environment: d.environment, deployedOn: d.deployedOn },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
