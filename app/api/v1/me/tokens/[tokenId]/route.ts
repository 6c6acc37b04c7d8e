import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { revokeOwnTokenOp } from "@/lib/contract/me";
import { revokeApiToken } from "@/lib/data/tokens";

export const DELETE = route(revokeOwnTokenOp, async ({ ctx, params }) => {
  await revokeApiToken(getDb(), ctx, params.tokenId);
  return new Response(null, { status: 204 });
});
