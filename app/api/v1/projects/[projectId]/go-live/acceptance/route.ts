import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { configureAcceptance } from "@/lib/data/go-live-acceptance";
import { getGoLive } from "@/lib/data/go-live-readiness";
import { configureAcceptanceSchema } from "@/lib/validation/go-live";

/** Sets or (before anyone signed) replaces the statement and the required signers. */
export const PUT = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const body = await readJson(request, z.record(z.string(), z.unknown()));
  await configureAcceptance(getDb(), ctx, validate(configureAcceptanceSchema, { ...body, projectId }));
  return await getGoLive(getDb(), ctx.actor, projectId);
});
