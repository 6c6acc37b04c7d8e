import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { castVote } from "@/lib/data/gates";
import { gateNumber, voteSchema } from "@/lib/validation/gates";

export const POST = apiRoute<{ projectId: string; number: string }>(async (request, ctx, params) => {
  const number = validate(gateNumber, params.number);
  const input = await readJson(request, voteSchema);
  const vote = await castVote(getDb(), ctx, { projectId: params.projectId, number, ...input });
  return {
    number,
    round: vote.round,
    userId: vote.userId,
    vote: vote.vote,
    rationale: vote.rationale,
    castAt: vote.castAt,
    updatedAt: vote.updatedAt,
  };
});
