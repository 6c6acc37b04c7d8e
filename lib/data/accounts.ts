// Accounts and client organisations: administered by vendor admins (adminCommand); passwords by their owners.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { accountInvitations, clientOrganizations, users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { requireAdministrator } from "@/lib/data/access";
import { adminCommand, ownCommand } from "@/lib/data/command";
import { endSessions, revokeAllApiTokens } from "@/lib/data/sessions";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, notFound } from "@/lib/errors";
import { hashPassword, NO_PASSWORD, verifyPassword } from "@/lib/password";
import type { organizationSchema } from "@/lib/validation/accounts";
import type { z } from "zod";

const publicUser = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  organizationId: users.organizationId,
  organizationName: clientOrganizations.name,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
  // Whether the person chose a password yet (an invited account has none); never the hash itself.
  hasPassword: sql<boolean>`${users.passwordHash} != ${NO_PASSWORD}`.mapWith(Boolean),
  mustChangePassword: users.mustChangePassword,
};

export async function listUsers(db: DbOrTx, actor: Actor) {
  requireAdministrator(actor);
  return await db
    .select(publicUser)
    .from(users)
    .leftJoin(clientOrganizations, eq(clientOrganizations.id, users.organizationId))
    .orderBy(asc(users.role), asc(users.email));
}

/** Accounts a project manager may add to a project: vendor staff and the project organisation's client users. */
export async function listAssignableUsers(db: DbOrTx, organizationId: string) {
  return await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(
      sql`${users.disabledAt} is null and (${users.role} != 'client' or ${users.organizationId} = ${organizationId})`,
    )
    .orderBy(asc(users.name));
}

/**
 * Disabling an account revokes its sessions and tokens at once (the session version moves on, its
 * session rows end and its API tokens are revoked) and withdraws its open invitation or reset link,
 * so enabling it again revives none of them.
 */
export async function setUserDisabled(db: Db, ctx: RequestContext, userId: string, disabled: boolean) {
  await adminCommand(db, ctx, async ({ tx, audit }) => {
    if (userId === ctx.actor.id && disabled)
      throw new AppError("rule_refused", "You cannot disable your own account.", "self_disable", undefined, {
        problem: "selfDisable",
      });
    const user = await first(tx.select().from(users).where(eq(users.id, userId)));
    if (!user) throw notFound("This account");
    if (Boolean(user.disabledAt) === disabled) return;
    await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date().toISOString() : null, sessionVersion: user.sessionVersion + 1 })
      .where(eq(users.id, userId));
    let ended: { sessionsEnded: number; tokensRevoked: number } | undefined;
    if (disabled) {
      const sessionsEnded = await endSessions(
        tx,
        userId,
        { kind: "all" },
        { reason: "account_disabled", by: ctx.actor.id },
      );
      ended = { sessionsEnded: sessionsEnded.length, tokensRevoked: await revokeAllApiTokens(tx, userId) };
      await tx
        .update(accountInvitations)
        .set({ revokedAt: new Date().toISOString() })
        .where(
          and(
            eq(accountInvitations.userId, userId),
            isNull(accountInvitations.usedAt),
            isNull(accountInvitations.revokedAt),
          ),
        );
    }
    audit({ action: disabled ? "user.disable" : "user.enable", objectType: "user", objectId: userId, after: ended });
  });
}

/**
 * Changing one's own password ends every other session of the account (a thief's among them) and
 * keeps `keepSessionId`, the browser that changed it; without one, every session ends. It also
 * satisfies an administrator's demand that the password be changed.
 */
export async function changeOwnPassword(
  db: Db,
  ctx: RequestContext,
  currentPassword: string,
  newPassword: string,
  keepSessionId: string | null = null,
) {
  const user = await first(db.select().from(users).where(eq(users.id, ctx.actor.id)));
  if (!user) throw notFound("This account");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError(
      "invalid_input",
      "Your current password is not correct.",
      "wrong_password",
      {
        fieldErrors: { currentPassword: ["This is not your current password."] },
      },
      { problem: "wrongCurrentPassword", fields: { currentPassword: "notCurrentPassword" } },
    );
  }
  const passwordHash = await hashPassword(newPassword);
  await ownCommand(db, ctx, async ({ tx, audit }) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: new Date().toISOString(),
        mustChangePassword: false,
      })
      .where(eq(users.id, user.id));
    const ended = await endSessions(
      tx,
      user.id,
      { kind: "others", currentSessionId: keepSessionId },
      { reason: "password_changed", by: user.id },
    );
    audit({
      action: "account.password.change",
      objectType: "user",
      objectId: user.id,
      after: {
        ...(user.mustChangePassword ? { requiredByAdministrator: true } : {}),
        otherSessionsEnded: ended.length,
      },
    });
  });
}

export async function signOutEverywhere(db: Db, ctx: RequestContext) {
  await ownCommand(db, ctx, async ({ tx, audit }) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, ctx.actor.id));
    const ended = await endSessions(tx, ctx.actor.id, { kind: "all" }, { reason: "all_revoked", by: ctx.actor.id });
    audit({
      action: "user.sessions.revoke",
      objectType: "user",
      objectId: ctx.actor.id,
      after: { sessions: ended.length },
    });
  });
}

export async function listOrganizations(db: DbOrTx, actor: Actor) {
  if (actor.role === "client") {
    return await db
      .select()
      .from(clientOrganizations)
      .where(eq(clientOrganizations.id, actor.organizationId ?? "-"));
  }
  return await db.select().from(clientOrganizations).orderBy(asc(clientOrganizations.name));
}

export async function createOrganization(db: Db, ctx: RequestContext, input: z.infer<typeof organizationSchema>) {
  return await adminCommand(db, ctx, async ({ tx, audit }) => {
    if (await first(tx.select().from(clientOrganizations).where(eq(clientOrganizations.name, input.name)))) {
      throw new AppError(
        "invalid_input",
        "An organisation with this name exists.",
        "name_taken",
        {
          fieldErrors: { name: ["An organisation with this name already exists."] },
        },
        { problem: "organisationNameTaken", fields: { name: "organisationNameTakenAlready" } },
      );
    }
    const org = await one(tx.insert(clientOrganizations).values(input).returning());
    audit({ action: "organization.create", objectType: "client_organization", objectId: org.id, after: input });
    return org;
  });
}
