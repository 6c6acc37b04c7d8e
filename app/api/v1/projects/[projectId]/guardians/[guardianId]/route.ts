import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { moveGuardian, withdrawGuardian } from "@/lib/data/guardians";
import { expectedVersion, uuid } from "@/lib/validation/common";

const changeSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("withdraw"), expectedVersion }),
  z.object({ action: z.literal("move"), siteId: uuid, expectedVersion }),
]);

/** Withdraw a guardian or move them to another site: `{"action": "withdraw"}` / `{"action": "move", "siteId": "…"}`. */
export const PATCH = apiRoute<{ projectId: string; guardianId: string }>(
  async (request, ctx, { projectId, guardianId }) => {
    const input = await readJson(request, changeSchema);
    return input.action === "withdraw"
      ? await withdrawGuardian(getDb(), ctx, { projectId, guardianId, expectedVersion: input.expectedVersion })
      : await moveGuardian(getDb(), ctx, {
          projectId,
          guardianId,
          siteId: input.siteId,
          expectedVersion: input.expectedVersion,
        });
  },
);
