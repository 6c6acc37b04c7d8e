// Files a completed go-live acceptance as the latest version of the project's "go-live
// acceptance" artifact, inside the sign-off's transaction (called from signGoLive).
import { and, asc, desc, eq } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import { artifacts, auditEvents, gates, goLiveSigners, goLiveSignOffs, users, type Project } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import type { Actor } from "@/lib/domain/permissions";
import { loadProjectAccess } from "@/lib/data/access";
import { boardIds, gateBoardColumn, writeArtifactVersion } from "@/lib/data/artifacts";
import type { CommandEvent } from "@/lib/data/command";
import { publishedAuditHead } from "@/lib/data/audit-checkpoints";
import type { SignedHead } from "@/lib/domain/audit-checkpoint";
import { certificateMarkdown, GO_LIVE_ACCEPTANCE_ARTIFACT } from "@/lib/domain/go-live-certificate";

export type CertificateFiling =
  | { filed: true; artifactId: string; versionNumber: number; auditHead: SignedHead | null }
  | { filed: false; reason: "no_artifact" | string; message: string };

/**
 * Found by type, not by gate number: the light-gating policy holds it at gate 3, the six-step
 * policy at step 1, a small project's policy may not hold it at all (then nothing is filed).
 * A refusal of the artifact rule (its gate was decided) is returned so the sign-off still
 * completes and the caller records why nothing was filed.
 */
export async function fileAcceptanceCertificate(
  tx: DbOrTx,
  ctx: RequestContext,
  audit: (event: CommandEvent) => void,
  input: {
    project: Project;
    acceptance: { id: string; statement: string; completedAt: string };
    statementSha256: string;
  },
): Promise<CertificateFiling> {
  const { project, acceptance } = input;
  const target = await first(
    tx
      .select({ artifact: artifacts, gate: gates, board: gateBoardColumn })
      .from(artifacts)
      .innerJoin(gates, eq(gates.id, artifacts.gateId))
      .where(and(eq(artifacts.projectId, project.id), eq(artifacts.type, GO_LIVE_ACCEPTANCE_ARTIFACT)))
      .orderBy(asc(gates.number)),
  );
  if (!target)
    return { filed: false, reason: "no_artifact", message: "The project's policy has no go-live acceptance artifact." };
  const signOffs = await signOffsOf(tx, acceptance.id);
  // Signed now, in the sign-off's transaction: it covers every event up to the last signature.
  const auditHead = await publishedAuditHead(tx);
  const markdown = certificateMarkdown({
    projectName: project.name,
    acceptanceId: acceptance.id,
    statement: acceptance.statement,
    statementSha256: input.statementSha256,
    completedAt: acceptance.completedAt,
    signOffs,
    certificateHref: `/projects/${project.id}/go-live/certificate`,
    auditHead,
  });
  const added = await writeArtifactVersion(tx, ctx, audit, {
    projectId: project.id,
    projectName: project.name,
    artifact: target.artifact,
    gate: target.gate,
    board: boardIds(target.board),
    source: { kind: "markdown", markdown },
    stored: null,
    note: "Filed automatically when the last required signer signed the go-live acceptance.",
    auditAfter: { filedFrom: "go_live", acceptanceId: acceptance.id, statementSha256: input.statementSha256 },
  });
  if (!added.ok) return { filed: false, reason: added.refusal.code, message: added.refusal.message };
  return {
    filed: true,
    artifactId: target.artifact.id,
    versionNumber: added.version.number,
    auditHead,
  };
}

/** The sign-offs of an acceptance with who signed and in what capacity, oldest first. */
export async function signOffsOf(db: DbOrTx, acceptanceId: string) {
  return await db
    .select({
      name: users.name,
      email: users.email,
      capacity: goLiveSigners.capacity,
      signedAt: goLiveSignOffs.signedAt,
      ip: goLiveSignOffs.ip,
      userAgent: goLiveSignOffs.userAgent,
      statementSha256: goLiveSignOffs.statementSha256,
      auditHeadHash: goLiveSignOffs.auditHeadHash,
    })
    .from(goLiveSignOffs)
    .innerJoin(users, eq(users.id, goLiveSignOffs.userId))
    .innerJoin(
      goLiveSigners,
      and(eq(goLiveSigners.acceptanceId, goLiveSignOffs.acceptanceId), eq(goLiveSigners.userId, goLiveSignOffs.userId)),
    )
    .where(eq(goLiveSignOffs.acceptanceId, acceptanceId))
    .orderBy(asc(goLiveSignOffs.signedAt));
}

/**
 * The signed audit head filed with the certificate when the last signer signed (kept in the
 * acceptance's completion event), for the certificate page; null before completion.
 */
export async function certificateAuditHead(db: DbOrTx, actor: Actor, projectId: string): Promise<SignedHead | null> {
  const { project } = await loadProjectAccess(db, actor, projectId);
  const event = await first(
    db
      .select({ after: auditEvents.after, objectId: auditEvents.objectId })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.projectId, project.id),
          eq(auditEvents.objectType, "go_live_acceptance"),
          eq(auditEvents.action, "go_live_acceptance.complete"),
        ),
      )
      .orderBy(desc(auditEvents.seq))
      .limit(1),
  );
  const head = (event?.after as { certificate?: { auditHead?: SignedHead | null } } | null)?.certificate?.auditHead;
  return head && typeof head.seq === "number" && typeof head.signature === "string" ? head : null;
}
