import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { exportInterfacesOp } from "@/lib/contract/integration";
import { exportInterfaces } from "@/lib/data/integration-diagram";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";

/**
 * Interface descriptions as a download: ?format=markdown (default) or ?format=csv (its header row in the
 * reader's language).
 */
export const GET = route(exportInterfacesOp, async ({ request, ctx, params, query }) => {
  const file = await exportInterfaces(
    getDb(),
    ctx.actor,
    params.projectId,
    query.format,
    new Date(),
    localeOfRequest(request),
  );
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
});
