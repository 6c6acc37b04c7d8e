import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { exportInterfacesOp } from "@/lib/contract/integration";
import { exportInterfaces } from "@/lib/data/integration-diagram";

/** Interface descriptions as a download: ?format=markdown (default) or ?format=csv. */
export const GET = route(exportInterfacesOp, async ({ ctx, params, query }) => {
  const file = await exportInterfaces(getDb(), ctx.actor, params.projectId, query.format);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
});
