// One-time account links: an administrator invites a person or starts a password reset; the
// person opens the link and chooses their own password. The link's token is shown once to the
// administrator and only its SHA-256 hash is stored, so the table gives nobody a usable link.
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Db, type DbOrTx, first, transaction, one } from "@/db/client";
import { accountInvitations, clientOrganizations, users, type User } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { setPasswordFromLink } from "@/lib/data/password-set";
import { requireAdministrator } from "@/lib/data/access";
import { adminCommand } from "@/lib/data/command";
import {
  ACCOUNT_LINK_LIFETIME_DAYS,
  accountLinkExpiry,
  accountLinkState,
  UNUSABLE_LINK_MESSAGES,
  type AccountLink,
  type AccountLinkPurpose,
  type AccountLinkState,
} from "@/lib/domain/account-link";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, notFound } from "@/lib/errors";
import type { ProblemKey } from "@/lib/refusal-words";
import { hashPassword, NO_PASSWORD } from "@/lib/password";
import { queueAccountLinkEmail } from "@/lib/data/email-messages";
import { emailConfigured, publicOrigin } from "@/lib/mail";
import type { inviteAccountSchema } from "@/lib/validation/accounts";
import type { z } from "zod";

/** What the administrator hands over: the secret appears here and nowhere else. */
export type IssuedAccountLink = {
  userId: string;
  email: string;
  purpose: AccountLinkPurpose;
  token: string;
  expiresAt: string;
  /** The link was also emailed to the person (SMTP is configured); else the administrator hands it over. */
  emailed: boolean;
};

// Lookups go through the unique index on the hash: no comparison of secrets in application code.
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const ADMINS_ONLY = "Only administrators can invite people or reset passwords.";

async function loadAccount(tx: DbOrTx, userId: string): Promise<User> {
  const user = await first(tx.select().from(users).where(eq(users.id, userId)));
  if (!user) throw notFound("This account");
  return user;
}

/** Withdraws every open link of the account; returns how many there were. */
async function revokeOpenLinks(tx: DbOrTx, userId: string, now: Date): Promise<number> {
  return (
    await tx
      .update(accountInvitations)
      .set({ revokedAt: now.toISOString() })
      .where(
        and(
          eq(accountInvitations.userId, userId),
          isNull(accountInvitations.usedAt),
          isNull(accountInvitations.revokedAt),
        ),
      )
      .returning({ id: accountInvitations.id })
  ).length;
}

/** A new link replaces the earlier unused ones, so only the latest link handed over works. */
async function issueLink(
  tx: DbOrTx,
  ctx: RequestContext,
  user: User,
  purpose: AccountLinkPurpose,
  now: Date,
): Promise<IssuedAccountLink> {
  await revokeOpenLinks(tx, user.id, now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = accountLinkExpiry(now).toISOString();
  await tx.insert(accountInvitations).values({
    userId: user.id,
    purpose,
    tokenHash: hashToken(token),
    createdBy: ctx.actor.id,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { userId: user.id, email: user.email, purpose, token, expiresAt, emailed: false };
}

/** With SMTP configured, the invitation also goes by email, through the outbox, in this transaction. */
async function emailInvitation(
  tx: DbOrTx,
  ctx: RequestContext,
  user: User,
  link: IssuedAccountLink,
  origin: string | undefined,
): Promise<IssuedAccountLink> {
  if (!emailConfigured()) return link;
  await queueAccountLinkEmail(tx, {
    template: "invitation",
    to: user.email,
    name: user.name,
    locale: user.locale,
    inviter: ctx.actor.name,
    url: `${origin ?? publicOrigin()}/invitation/${link.token}`,
    expiresAt: link.expiresAt,
  });
  return { ...link, emailed: true };
}

/** Creates the account without a password and returns its invitation link. */
export async function inviteAccount(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof inviteAccountSchema>,
  now = new Date(),
  /** The address the administrator uses, for the emailed link (else LIGHTGATE_PUBLIC_URL). */
  origin?: string,
): Promise<IssuedAccountLink> {
  return await adminCommand(
    db,
    ctx,
    async ({ tx, audit }) => {
      if (await first(tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)))) {
        throw new AppError(
          "invalid_input",
          "An account with this email already exists.",
          "email_taken",
          {
            fieldErrors: { email: ["An account with this email already exists."] },
          },
          { problem: "emailTaken" },
        );
      }
      if (
        input.organizationId &&
        !(await first(tx.select().from(clientOrganizations).where(eq(clientOrganizations.id, input.organizationId))))
      ) {
        throw new AppError(
          "invalid_input",
          "Choose a client organisation.",
          "invalid_input",
          {
            fieldErrors: { organizationId: ["Unknown organisation."] },
          },
          { problem: "chooseClientOrganisation", fields: { organizationId: "unknownOrganisation" } },
        );
      }
      const user = await one(
        tx
          .insert(users)
          .values({
            email: input.email,
            name: input.name,
            role: input.role,
            organizationId: input.organizationId,
            passwordHash: NO_PASSWORD,
          })
          .returning(),
      );
      const link = await emailInvitation(tx, ctx, user, await issueLink(tx, ctx, user, "invite", now), origin);
      audit({
        action: "account.invite",
        objectType: "user",
        objectId: user.id,
        after: {
          email: user.email,
          name: user.name,
          role: user.role,
          organizationId: user.organizationId,
          expiresAt: link.expiresAt,
          ...(link.emailed ? { emailed: true } : {}),
        },
      });
      return link;
    },
    ADMINS_ONLY,
  );
}

/** "Copy a new link" for a person who has not accepted their invitation yet. */
export async function renewInvitation(
  db: Db,
  ctx: RequestContext,
  userId: string,
  now = new Date(),
  origin?: string,
): Promise<IssuedAccountLink> {
  return await adminCommand(
    db,
    ctx,
    async ({ tx, audit }) => {
      const user = await loadAccount(tx, userId);
      if (user.passwordHash !== NO_PASSWORD) {
        throw new AppError(
          "rule_refused",
          `${user.name} has already chosen a password. Send a reset link instead.`,
          "account_active",
          undefined,
          { problem: "accountActive", params: { name: user.name } },
        );
      }
      if (user.disabledAt) throw accountDisabled();
      const link = await emailInvitation(tx, ctx, user, await issueLink(tx, ctx, user, "invite", now), origin);
      audit({
        action: "account.invite",
        objectType: "user",
        objectId: user.id,
        after: {
          email: user.email,
          expiresAt: link.expiresAt,
          renewed: true,
          ...(link.emailed ? { emailed: true } : {}),
        },
      });
      return link;
    },
    ADMINS_ONLY,
  );
}

/** A reset link leaves the current password working until the link is used (disabling locks out). */
export async function sendPasswordResetLink(
  db: Db,
  ctx: RequestContext,
  userId: string,
  now = new Date(),
): Promise<IssuedAccountLink> {
  return await adminCommand(
    db,
    ctx,
    async ({ tx, audit }) => {
      const user = await loadAccount(tx, userId);
      if (user.passwordHash === NO_PASSWORD) {
        throw new AppError(
          "rule_refused",
          `${user.name} has not accepted the invitation yet. Copy a new invitation link instead.`,
          "account_invited",
          undefined,
          { problem: "accountInvited", params: { name: user.name } },
        );
      }
      if (user.disabledAt) throw accountDisabled();
      const link = await issueLink(tx, ctx, user, "reset", now);
      audit({
        action: "account.password_reset_link",
        objectType: "user",
        objectId: user.id,
        after: { expiresAt: link.expiresAt },
      });
      return link;
    },
    ADMINS_ONLY,
  );
}

/** Withdraws the account's open invitation or reset link. */
export async function revokeAccountLinks(db: Db, ctx: RequestContext, userId: string, now = new Date()): Promise<void> {
  await adminCommand(
    db,
    ctx,
    async ({ tx, audit }) => {
      const user = await loadAccount(tx, userId);
      const revoked = await revokeOpenLinks(tx, user.id, now);
      if (revoked === 0)
        throw new AppError("rule_refused", "This account has no open link to revoke.", "no_open_link", undefined, {
          problem: "noOpenLink",
        });
      audit({ action: "account.invite.revoke", objectType: "user", objectId: user.id, after: { revoked } });
    },
    ADMINS_ONLY,
  );
}

/** The latest link of every account, for the administrator's list of users. */
export async function latestAccountLinks(db: DbOrTx, actor: Actor): Promise<Map<string, AccountLink>> {
  requireAdministrator(actor, ADMINS_ONLY);
  const rows = await db
    .select({
      userId: accountInvitations.userId,
      purpose: accountInvitations.purpose,
      expiresAt: accountInvitations.expiresAt,
      usedAt: accountInvitations.usedAt,
      revokedAt: accountInvitations.revokedAt,
    })
    .from(accountInvitations)
    .orderBy(asc(accountInvitations.createdAt), sql`rowid`);
  const latest = new Map<string, AccountLink>();
  for (const { userId, ...link } of rows) latest.set(userId, link);
  return latest;
}

/** An invitation or a reset link for a disabled account: it must be enabled first. */
const accountDisabled = () =>
  new AppError("rule_refused", "This account is disabled. Enable it first.", "account_disabled", undefined, {
    problem: "accountDisabled",
  });

/** The catalogue key of each unusable link's message (UNUSABLE_LINK_MESSAGES). */
export const LINK_PROBLEMS = {
  used: "linkUsed",
  revoked: "linkRevoked",
  expired: "linkExpired",
  unknown: "linkUnknown",
} as const satisfies Record<Exclude<AccountLinkState, "usable"> | "unknown", ProblemKey>;

export type AccountLinkView =
  | { state: "usable"; purpose: AccountLinkPurpose; name: string; email: string }
  | { state: Exclude<AccountLinkState, "usable"> | "unknown"; message: string };

async function linkWithAccount(db: DbOrTx, token: string) {
  return await first(
    db
      .select({ link: accountInvitations, user: users })
      .from(accountInvitations)
      .innerJoin(users, eq(users.id, accountInvitations.userId))
      .where(eq(accountInvitations.tokenHash, hashToken(token))),
  );
}

function viewOf(row: Awaited<ReturnType<typeof linkWithAccount>>, now: Date): AccountLinkView {
  if (!row) return { state: "unknown", message: UNUSABLE_LINK_MESSAGES.unknown };
  // A disabled account's link reads as withdrawn: the administrator took access away.
  const state = row.user.disabledAt ? "revoked" : accountLinkState(row.link, now);
  if (state !== "usable") return { state, message: UNUSABLE_LINK_MESSAGES[state] };
  return { state, purpose: row.link.purpose, name: row.user.name, email: row.user.email };
}

/** What the link's page shows: who the person is only while the link can be used, nothing otherwise. */
export async function accountLinkForToken(db: DbOrTx, token: string, now = new Date()): Promise<AccountLinkView> {
  return viewOf(await linkWithAccount(db, token), now);
}

/**
 * The person sets their password through the link: the link is spent, every other open link of
 * the account is withdrawn and every existing session ends.
 */
export async function acceptAccountLink(
  db: Db,
  input: { token: string; newPassword: string },
  request: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.newPassword);
  return await transaction(db, async (tx) => {
    const row = await linkWithAccount(tx, input.token);
    const view = viewOf(row, now);
    if (view.state !== "usable" || !row)
      throw new AppError(
        "rule_refused",
        view.state === "usable" ? "" : view.message,
        `link_${view.state}`,
        undefined,
        view.state === "usable"
          ? undefined
          : { problem: LINK_PROBLEMS[view.state], params: { days: ACCOUNT_LINK_LIFETIME_DAYS } },
      );
    const { link, user } = row;
    await tx.update(accountInvitations).set({ usedAt: now.toISOString() }).where(eq(accountInvitations.id, link.id));
    await revokeOpenLinks(tx, user.id, now);
    await setPasswordFromLink(tx, user, passwordHash, { request, via: link.purpose, now });
    return { email: user.email };
  });
}
