import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { recordEscapedDefectsOp } from "@/lib/contract/quality";
import { recordEscapedDefects } from "@/lib/data/quality";

/** Record how many defects escaped to production after this sprint. */
export const PUT = route(recordEscapedDefectsOp, async ({ ctx, params, body }) => {
  const sprint = await recordEscapedDefects(getDb(), ctx, { ...params, ...body });
  return { id: sprint.id, number: sprint.number, escapedDefects: sprint.escapedDefects, version: sprint.version };
});
