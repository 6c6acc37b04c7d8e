import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { signGoLiveOp } from "@/lib/contract/go-live";
import { signGoLive } from "@/lib/data/go-live-sign-off";

/** The caller signs with their password. 409 lists the unmet checklist items in `missing`. */
export const POST = route(signGoLiveOp, async ({ ctx, params, body }) => {
  const { signOff, complete } = await signGoLive(getDb(), ctx, { ...body, ...params });
  return {
    id: signOff.id,
    userId: signOff.userId,
    signedAt: signOff.signedAt,
    ip: signOff.ip,
    userAgent: signOff.userAgent,
    statementSha256: signOff.statementSha256,
    auditHeadHash: signOff.auditHeadHash,
    acceptanceComplete: complete,
  };
});
