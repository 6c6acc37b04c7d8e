import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { recommendQuality } from "@/lib/data/quality";
import { recommendSchema } from "@/lib/validation/quality";

/** Answers in, recommended level and the reason for every point out (DESIGN.md §6). */
export const POST = apiRoute(async (request, ctx) => {
  const input = await readJson(request, recommendSchema);
  return await recommendQuality(getDb(), ctx.actor, input);
});
