import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { createReleaseOp, listReleasesOp } from "@/lib/contract/roadmap";
import { pageOf } from "@/lib/data/cursor";
import { createRelease, listReleases } from "@/lib/data/roadmap";

const json = (r: { id: string; number: number; name: string; scope: string; targetDate: string | null }) => ({
  id: r.id,
  number: r.number,
  name: r.name,
  scope: r.scope,
  targetDate: r.targetDate,
});

export const GET = route(listReleasesOp, async ({ ctx, params, query }) =>
  pageOf(await listReleases(getDb(), ctx.actor, params.projectId, query), query.limit, (r) => [r.number], json),
);

export const POST = route(createReleaseOp, async ({ ctx, params, body }) =>
  json(await createRelease(getDb(), ctx, { ...body, ...params })),
);
