import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { createTrainingModuleOp, listTrainingModulesOp } from "@/lib/contract/training";
import { pageOf } from "@/lib/data/cursor";
import { createModule, pageModulesWithMaterials } from "@/lib/data/training-modules";

export const GET = route(listTrainingModulesOp, async ({ ctx, params, query }) => {
  const modules = await pageModulesWithMaterials(getDb(), ctx.actor, params.projectId, query);
  return pageOf(
    modules,
    query.limit,
    (m) => [m.createdAt, m.id],
    ({ createdAt: _created, ...m }) => m,
  );
});

export const POST = route(
  createTrainingModuleOp,
  async ({ ctx, params, body }) => await createModule(getDb(), ctx, { ...body, ...params }),
);
