import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { reviewArtifactOp } from "@/lib/contract/artifacts";
import { reviewArtifact } from "@/lib/data/artifacts";

export const POST = route(reviewArtifactOp, async ({ ctx, params, body }) => {
  const { artifact, review } = await reviewArtifact(getDb(), ctx, { ...body, ...params });
  return {
    artifact: { id: artifact.id, title: artifact.title, status: artifact.status },
    review: {
      id: review.id,
      versionId: review.versionId,
      reviewerId: review.reviewerId,
      decision: review.decision,
      comment: review.comment,
      at: review.at,
    },
  };
});
