import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { guardianRoster, nominateGuardian } from "@/lib/data/guardians";
import { nominateGuardianSchema } from "@/lib/validation/readiness";

/** Guardians with their progress per training module (the roster, flattened). */
export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const roster = await guardianRoster(getDb(), ctx.actor, projectId);
  return {
    modules: roster.modules.map(({ id, name, kind, required, passMark }) => ({ id, name, kind, required, passMark })),
    items: roster.sites.flatMap((s) =>
      s.guardians.map((g) => ({
        id: g.id,
        userId: g.userId,
        name: g.name,
        email: g.email,
        site: { id: s.site.id, name: s.site.name },
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
      })),
    ),
  };
});

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, nominateGuardianSchema.omit({ projectId: true }));
  return Response.json(await nominateGuardian(getDb(), ctx, { ...input, projectId }), { status: 201 });
});
