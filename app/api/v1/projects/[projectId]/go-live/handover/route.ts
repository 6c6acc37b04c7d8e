import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { recordHandover } from "@/lib/data/go-live-handover";
import { getGoLive } from "@/lib/data/go-live-readiness";
import { handoverSchema } from "@/lib/validation/go-live";

/** Records the handover to the helpdesk; the project becomes live. */
export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const body = await readJson(request, z.record(z.string(), z.unknown()));
  await recordHandover(getDb(), ctx, validate(handoverSchema, { ...body, projectId }));
  return Response.json(await getGoLive(getDb(), ctx.actor, projectId), { status: 201 });
});
