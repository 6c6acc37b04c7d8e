import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { changeGuardianOp } from "@/lib/contract/guardians";
import { moveGuardian, withdrawGuardian } from "@/lib/data/guardians";

/** Withdraw a guardian or move them to another site: `{"action": "withdraw"}` / `{"action": "move", "siteId": "…"}`. */
export const PATCH = route(changeGuardianOp, async ({ ctx, params, body }) =>
  body.action === "withdraw"
    ? await withdrawGuardian(getDb(), ctx, { ...params, expectedVersion: body.expectedVersion })
    : await moveGuardian(getDb(), ctx, { ...params, siteId: body.siteId, expectedVersion: body.expectedVersion }),
);
