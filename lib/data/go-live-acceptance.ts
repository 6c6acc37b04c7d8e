// The go-live acceptance: its statement (and the statement's hash), its required signers, and the
// printable certificate. Setting it up goes through projectCommand: authorize → lib/domain/go-live → write → audit.
import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { goLiveAcceptances, goLiveSigners, goLiveSignOffs, guardians, projectMembers, sites, users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { assertVersion, loadProjectAccess } from "@/lib/data/access";
import { projectCommand } from "@/lib/data/command";
import { signOffsOf } from "@/lib/data/go-live-certificate";
import { notify } from "@/lib/data/notifications";
import * as rules from "@/lib/domain/go-live";
import type { Actor } from "@/lib/domain/permissions";
import { refused, staleVersion } from "@/lib/errors";
import type { configureAcceptanceInput } from "@/lib/contract/go-live";

type Acceptance = typeof goLiveAcceptances.$inferSelect;

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The project's acceptance, if one was set up. */
export async function acceptanceOf(db: DbOrTx, projectId: string): Promise<Acceptance | null> {
  return (await first(db.select().from(goLiveAcceptances).where(eq(goLiveAcceptances.projectId, projectId)))) ?? null;
}

/** What the domain rules need of an acceptance: status, statement, signers and who signed. */
export async function acceptanceState(
  db: DbOrTx,
  acceptance: Acceptance | null,
): Promise<rules.AcceptanceState | null> {
  if (!acceptance) return null;
  return {
    status: acceptance.status,
    statement: acceptance.statement,
    signers: await db
      .select({ userId: goLiveSigners.userId, capacity: goLiveSigners.capacity })
      .from(goLiveSigners)
      .where(eq(goLiveSigners.acceptanceId, acceptance.id)),
    signedUserIds: (
      await db
        .select({ userId: goLiveSignOffs.userId })
        .from(goLiveSignOffs)
        .where(eq(goLiveSignOffs.acceptanceId, acceptance.id))
    ).map((s) => s.userId),
  };
}

/** Who may be named as a signer: the project's client owners and its certified guardians. */
export async function eligibleSigners(db: DbOrTx, projectId: string) {
  const owners = await db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "client_owner")))
    .orderBy(asc(users.name));
  const certified = await db
    .select({ userId: users.id, name: users.name, email: users.email, site: sites.name })
    .from(guardians)
    .innerJoin(users, eq(users.id, guardians.userId))
    .innerJoin(sites, eq(sites.id, guardians.siteId))
    .where(and(eq(guardians.projectId, projectId), eq(guardians.status, "certified")))
    .orderBy(asc(users.name));
  return { clientOwners: owners, certifiedGuardians: certified };
}

/** The printable certificate: every sign-off with its statement hash and the audit head at signing. */
export async function getAcceptanceCertificate(db: DbOrTx, actor: Actor, projectId: string) {
  const { project } = await loadProjectAccess(db, actor, projectId);
  const acceptance = await acceptanceOf(db, project.id);
  if (!acceptance) return null;
  const signOffs = await signOffsOf(db, acceptance.id);
  return {
    project: { id: project.id, name: project.name, status: project.status },
    statement: acceptance.statement,
    statementSha256: sha256(acceptance.statement),
    status: acceptance.status,
    completedAt: acceptance.completedAt,
    signOffs,
  };
}

/** The PM sets (or, before anyone signed, replaces) the statement and the required signers. */
export async function configureAcceptance(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof configureAcceptanceInput>,
) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "golive.manage",
    run: async ({ tx, project, audit }) => {
      const current = await acceptanceOf(tx, project.id);
      // Checked here, not by the command's `load`: before the first acceptance there is nothing
      // to be stale, and the project's own version must not be checked in its place.
      if (current) assertVersion(current.version, input.expectedVersion);
      const eligible = await eligibleSigners(tx, project.id);
      const outcome = rules.configureAcceptance(await acceptanceState(tx, current), input, {
        clientOwners: eligible.clientOwners.map((o) => o.userId),
        certifiedGuardians: eligible.certifiedGuardians.map((g) => g.userId),
      });
      if (!outcome.ok) refused(outcome.refusal);
      const statement = rules.normalizeStatement(input.statement);
      let acceptance: Acceptance;
      if (current) {
        const updated = await first(
          tx
            .update(goLiveAcceptances)
            .set({ statement, version: current.version + 1 })
            .where(
              and(
                eq(goLiveAcceptances.id, current.id),
                eq(goLiveAcceptances.projectId, project.id),
                eq(goLiveAcceptances.version, current.version),
              ),
            )
            .returning(),
        );
        if (!updated) throw staleVersion("the acceptance");
        acceptance = updated;
        await tx.delete(goLiveSigners).where(eq(goLiveSigners.acceptanceId, current.id));
      } else {
        acceptance = await one(tx.insert(goLiveAcceptances).values({ projectId: project.id, statement }).returning());
      }
      await tx
        .insert(goLiveSigners)
        .values(input.signers.map((s) => ({ acceptanceId: acceptance.id, userId: s.userId, capacity: s.capacity })));
      audit(
        ...outcome.events.map((event) => ({
          action: event.action,
          objectType: "go_live_acceptance",
          objectId: acceptance.id,
          after: event.after,
        })),
      );
      await notify(tx, ctx.actor.id, {
        userIds: input.signers.map((s) => s.userId),
        projectId: project.id,
        kind: "golive.signers",
        title: `${project.name}: you are asked to sign the go-live acceptance`,
        params: { project: project.name },
        href: `/projects/${project.id}/go-live`,
      });
      return acceptance;
    },
  });
}
