import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { signGoLive } from "@/lib/data/go-live-sign-off";
import { signOffSchema } from "@/lib/validation/go-live";

/** The caller signs: `{"password", "statement"}`. 409 lists the unmet checklist items in `missing`. */
export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const body = await readJson(request, z.record(z.string(), z.unknown()));
  const { signOff, complete } = await signGoLive(getDb(), ctx, validate(signOffSchema, { ...body, projectId }));
  return Response.json(
    {
      id: signOff.id,
      userId: signOff.userId,
      signedAt: signOff.signedAt,
      ip: signOff.ip,
      userAgent: signOff.userAgent,
      statementSha256: signOff.statementSha256,
      auditHeadHash: signOff.auditHeadHash,
      acceptanceComplete: complete,
    },
    { status: 201 },
  );
});
