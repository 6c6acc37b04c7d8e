// Signing the go-live acceptance: the signer re-authenticates with the password (throttled like
// signing in), then the sign-off is written under the write lock with the statement's hash and the
// audit head; the last signature completes the acceptance and files its certificate.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { goLiveAcceptances, goLiveSignOffs, projectMembers, users } from "@/db/schema";
import { auditHead, type RequestContext } from "@/lib/audit";
import { requireProjectPermission } from "@/lib/data/access";
import { projectCommand } from "@/lib/data/command";
import { acceptanceOf, acceptanceState, eligibleSigners, sha256 } from "@/lib/data/go-live-acceptance";
import { fileAcceptanceCertificate } from "@/lib/data/go-live-certificate";
import { readinessSnapshot } from "@/lib/data/go-live-readiness";
import { publishEvent } from "@/lib/data/domain-events";
import { notify } from "@/lib/data/notifications";
import { withThrottledProof } from "@/lib/data/presence-proof";
import * as rules from "@/lib/domain/go-live";
import type { Refusal } from "@/lib/domain/refusal";
import { AppError, refused } from "@/lib/errors";
import { verifyPassword } from "@/lib/password";
import type { signGoLiveInput } from "@/lib/contract/go-live";

/** Not ready: the refusal lists the checklist items still open, with their labels, not only their keys. */
function unmetAsProblem(refusal: Refusal, checklist: rules.ChecklistItem[]): never {
  if (refusal.code !== "go_live_not_ready") refused(refusal);
  refused({
    ...refusal,
    missing: checklist.filter((c) => !c.done).map(({ key, label, detail }) => ({ key, label, detail })),
  });
}

/**
 * A signer re-enters the password and confirms the statement. A wrong password writes nothing
 * of the go-live (no sign-off, no go-live event) but is a failed attempt for that account and
 * address, audited as `account.proof.fail`, so guessing here locks signing and signing-in alike;
 * a right one is a success that, as at sign-in, starts the count afresh (lib/data/presence-proof.ts).
 */
export async function signGoLive(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof signGoLiveInput>,
  now = new Date(),
) {
  // Cheap checks first, so nobody types a password into a form that cannot succeed.
  const { project } = await requireProjectPermission(db, ctx.actor, input.projectId, "golive.sign");
  const checklist = rules.readinessChecklist(await readinessSnapshot(db, project));
  const certifiedIds = async (tx: DbOrTx) =>
    (await eligibleSigners(tx, project.id)).certifiedGuardians.map((g) => g.userId);
  const precheck = rules.signOff(
    await acceptanceState(db, await acceptanceOf(db, project.id)),
    checklist,
    { userId: ctx.actor.id, statement: input.statement },
    await certifiedIds(db),
  );
  if (!precheck.ok) unmetAsProblem(precheck.refusal, checklist);

  const user = await first(db.select().from(users).where(eq(users.id, ctx.actor.id)));
  const account = { id: ctx.actor.id, email: user?.email ?? ctx.actor.email };
  const step = { name: "go_live_sign_off", asks: "password" } as const;
  return await withThrottledProof(db, ctx, account, now, step, async (passed) => {
    const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : false;
    if (!valid) {
      throw new AppError(
        "invalid_input",
        "The password is not correct. Nothing was signed.",
        "wrong_password",
        {
          fieldErrors: { password: ["The password is not correct."] },
        },
        { problem: "wrongPasswordNothingSigned", fields: { password: "wrongPassword" } },
      );
    }
    return await signUnderLock(db, ctx, input, now, passed, certifiedIds);
  });
}

/** The sign-off itself, under the write lock, once the password was right (`passed` records that). */
async function signUnderLock(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof signGoLiveInput>,
  now: Date,
  passed: (tx: DbOrTx) => Promise<void>,
  certifiedIds: (tx: DbOrTx) => Promise<string[]>,
) {
  // Re-check everything under the write lock: the state may have changed while hashing.
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "golive.sign",
    run: async ({ tx, project: fresh, audit }) => {
      await passed(tx);
      const acceptance = await acceptanceOf(tx, fresh.id);
      const freshChecklist = rules.readinessChecklist(await readinessSnapshot(tx, fresh));
      const state = await acceptanceState(tx, acceptance);
      const outcome = rules.signOff(
        state,
        freshChecklist,
        { userId: ctx.actor.id, statement: input.statement },
        await certifiedIds(tx),
      );
      if (!outcome.ok) unmetAsProblem(outcome.refusal, freshChecklist);
      const signedAt = now.toISOString();
      const signOff = await one(
        tx
          .insert(goLiveSignOffs)
          .values({
            acceptanceId: acceptance!.id,
            userId: ctx.actor.id,
            signedAt,
            ip: ctx.ip,
            userAgent: ctx.userAgent,
            statement: acceptance!.statement,
            statementSha256: sha256(acceptance!.statement),
            auditHeadHash: await auditHead(tx),
          })
          .returning(),
      );
      const updated = await first(
        tx
          .update(goLiveAcceptances)
          .set({
            version: acceptance!.version + 1,
            ...(outcome.completes ? { status: "signed" as const, completedAt: signedAt } : {}),
          })
          .where(
            and(
              eq(goLiveAcceptances.id, acceptance!.id),
              eq(goLiveAcceptances.projectId, fresh.id),
              eq(goLiveAcceptances.version, acceptance!.version),
            ),
          )
          .returning(),
      );
      if (!updated)
        throw new AppError(
          "stale_version",
          "The acceptance changed while you were signing. Reload and try again.",
          "stale_version",
          undefined,
          { problem: "acceptanceChangedWhileSigning" },
        );
      for (const event of outcome.events) {
        // The completed acceptance is filed as the go-live artifact's latest version first, so
        // the completion event can say whether (and where) its certificate was filed.
        const certificate =
          event.action === "go_live_acceptance.complete"
            ? await fileAcceptanceCertificate(tx, ctx, audit, {
                project: fresh,
                acceptance: { ...updated, completedAt: signedAt },
                statementSha256: signOff.statementSha256,
              })
            : undefined;
        audit({
          action: event.action,
          objectType: "go_live_acceptance",
          objectId: acceptance!.id,
          after: {
            ...event.after,
            statementSha256: signOff.statementSha256,
            auditHeadHash: signOff.auditHeadHash,
            ...(certificate ? { certificate } : {}),
          },
        });
      }
      await publishEvent(tx, "go_live.signed", fresh, {
        signature: {
          signerId: ctx.actor.id,
          name: ctx.actor.name,
          capacity: state?.signers.find((s) => s.userId === ctx.actor.id)?.capacity ?? "guardian",
          at: signedAt,
        },
        complete: outcome.completes,
      });
      if (outcome.completes) {
        await publishEvent(tx, "go_live.completed", fresh, {
          wentLiveOn: fresh.targetGoLiveDate,
          completedAt: signedAt,
        });
        const pms = await tx
          .select({ userId: projectMembers.userId })
          .from(projectMembers)
          .where(and(eq(projectMembers.projectId, fresh.id), eq(projectMembers.role, "project_manager")));
        await notify(tx, ctx.actor.id, {
          userIds: pms.map((p) => p.userId),
          projectId: fresh.id,
          kind: "golive.complete",
          title: `${fresh.name}: the go-live acceptance is signed by everyone`,
          params: { project: fresh.name },
          href: `/projects/${fresh.id}/go-live`,
        });
      }
      return { signOff, acceptance: updated, complete: outcome.completes };
    },
  });
}
