import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { createSiteOp, listSitesOp } from "@/lib/contract/guardians";
import { pageOf } from "@/lib/data/cursor";
import { createSite, listSites } from "@/lib/data/guardians";

export const GET = route(listSitesOp, async ({ ctx, params, query }) => {
  const sites = await listSites(getDb(), ctx.actor, params.projectId, query);
  return pageOf(sites, query.limit, (site) => [site.name, site.id]);
});

export const POST = route(
  createSiteOp,
  async ({ ctx, params, body }) => await createSite(getDb(), ctx, { ...body, ...params }),
);
