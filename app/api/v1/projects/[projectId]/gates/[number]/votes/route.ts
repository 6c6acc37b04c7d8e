import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { castVoteOp } from "@/lib/contract/gates";
import { castVote } from "@/lib/data/gates";

export const POST = route(castVoteOp, async ({ ctx, params, body }) => {
  const vote = await castVote(getDb(), ctx, { ...body, ...params });
  return {
    number: params.number,
    round: vote.round,
    userId: vote.userId,
    vote: vote.vote,
    rationale: vote.rationale,
    castAt: vote.castAt,
    updatedAt: vote.updatedAt,
  };
});
