import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { reviewArtifact } from "@/lib/data/artifacts";
import { reviewSchema } from "@/lib/validation/artifacts";

export const POST = apiRoute<{ projectId: string; artifactId: string }>(
  async (request, ctx, { projectId, artifactId }) => {
    const input = await readJson(request, reviewSchema);
    const { artifact, review } = await reviewArtifact(getDb(), ctx, { projectId, artifactId, ...input });
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
  },
);
