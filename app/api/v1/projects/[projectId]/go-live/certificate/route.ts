import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getAcceptanceCertificateOp } from "@/lib/contract/go-live";
import { getAcceptanceCertificate } from "@/lib/data/go-live-acceptance";
import { notFound } from "@/lib/errors";

export const GET = route(getAcceptanceCertificateOp, async ({ ctx, params }) => {
  const certificate = await getAcceptanceCertificate(getDb(), ctx.actor, params.projectId);
  if (!certificate) throw notFound("The go-live acceptance");
  return certificate;
});
