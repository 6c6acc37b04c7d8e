import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { recommendQualityOp } from "@/lib/contract/quality";
import { recommendQuality } from "@/lib/data/quality";

/** Answers in, recommended level and the reason for every point out (DESIGN.md §6). */
export const POST = route(
  recommendQualityOp,
  async ({ ctx, body }) => await recommendQuality(getDb(), ctx.actor, body),
);
