import { getDb } from "@/db/client";
import { apiRoute, validate } from "@/lib/api";
import { exportInterfaces } from "@/lib/data/integration-diagram";
import { exportFormat } from "@/lib/validation/integration";

/** Interface descriptions as a download: ?format=markdown (default) or ?format=csv. */
export const GET = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const format = validate(exportFormat, new URL(request.url).searchParams.get("format") ?? "markdown");
  const file = await exportInterfaces(getDb(), ctx.actor, projectId, format);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
});
