import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { listGuardiansOp, nominateGuardianOp } from "@/lib/contract/guardians";
import { pageOf } from "@/lib/data/cursor";
import { guardianPage, nominateGuardian } from "@/lib/data/guardians";

/** Guardians with their progress per training module (the roster, flattened). */
export const GET = route(listGuardiansOp, async ({ ctx, params, query }) => {
  const { modules, guardians } = await guardianPage(getDb(), ctx.actor, params.projectId, query);
  return {
    modules: modules.map(({ id, name, kind, required, passMark }) => ({ id, name, kind, required, passMark })),
    ...pageOf(
      guardians,
      query.limit,
      (g) => [g.siteName, g.name, g.id],
      (g) => ({
        id: g.id,
        userId: g.userId,
        name: g.name,
        email: g.email,
        site: { id: g.siteId, name: g.siteName },
        status: g.status,
        nominatedAt: g.nominatedAt,
        certifiedAt: g.certifiedAt,
        withdrawnAt: g.withdrawnAt,
        version: g.version,
        progress: g.progress.map(({ moduleId, attended, bestScore, passed }) => ({
          moduleId,
          attended,
          bestScore,
          passed,
        })),
      }),
    ),
  };
});

export const POST = route(
  nominateGuardianOp,
  async ({ ctx, params, body }) => await nominateGuardian(getDb(), ctx, { ...body, ...params }),
);
