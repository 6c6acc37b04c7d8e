import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { recordDeploymentOp } from "@/lib/contract/sprints";
import { recordDeployment } from "@/lib/data/sprints";

export const POST = route(recordDeploymentOp, async ({ ctx, params, body }) => {
  const d = await recordDeployment(getDb(), ctx, { ...body, ...params });
  return { id: d.id, releaseVersion: d.releaseVersion, environment: d.environment, deployedOn: d.deployedOn };
});
