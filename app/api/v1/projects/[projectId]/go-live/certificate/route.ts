import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { getAcceptanceCertificate } from "@/lib/data/go-live-acceptance";
import { notFound } from "@/lib/errors";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const certificate = await getAcceptanceCertificate(getDb(), ctx.actor, projectId);
  if (!certificate) throw notFound("The go-live acceptance");
  return certificate;
});
