import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { recordEscapedDefects } from "@/lib/data/quality";
import { escapedDefectsJsonSchema } from "@/lib/validation/quality";

type Params = { projectId: string; sprintId: string };

/** Record how many defects escaped to production after this sprint. */
export const PUT = apiRoute<Params>(async (request, ctx, { projectId, sprintId }) => {
  const input = await readJson(request, escapedDefectsJsonSchema);
  const sprint = await recordEscapedDefects(getDb(), ctx, { projectId, sprintId, ...input });
  return { id: sprint.id, number: sprint.number, escapedDefects: sprint.escapedDefects, version: sprint.version };
});
