// "Forgot password": a person asks for a link by email address, and sets a new password through it.
// The answer is the same whether or not the address has an account; every request is recorded (for
// the throttle); the link's token is random and only its SHA-256 is stored; it works once, for an
// hour, and only the latest one sent works. Setting the password ends every session, as a change does.
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { type Db, type DbOrTx, first, transaction } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import { queueAccountLinkEmail } from "@/lib/data/email-messages";
import { setPasswordFromLink } from "@/lib/data/password-set";
import {
  mayResetPassword,
  RESET_THROTTLE_WINDOW_MS,
  resetLinkExpiry,
  resetLinkState,
  resetRequestAllowed,
  type ResetLinkState,
} from "@/lib/domain/password-reset";
import { AppError } from "@/lib/errors";
import { emailConfigured } from "@/lib/mail";
import { hashPassword, NO_PASSWORD } from "@/lib/password";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const resetPath = (token: string) => `/reset-password/${token}`;

export type ResetRequestResult =
  /** What the person is told is the same for all three; the tests and the log tell them apart. */
  { outcome: "sent" | "no_link" | "throttled" };

async function countSince(tx: DbOrTx, where: ReturnType<typeof and>) {
  return (
    (
      await first(
        tx
          .select({ n: sql<number>`count(*)` })
          .from(passwordResets)
          .where(where),
      )
    )?.n ?? 0
  );
}

/**
 * Records the request and, when the address belongs to an account that may reset its password and
 * the throttle allows, queues the email with the link. `origin` is the address the person used.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; ip: string | null; origin: string },
  now = new Date(),
): Promise<ResetRequestResult> {
  const email = input.email.trim().toLowerCase();
  return await transaction(db, async (tx) => {
    const since = new Date(now.getTime() - RESET_THROTTLE_WINDOW_MS).toISOString();
    const sameAddress = Number(
      await countSince(tx, and(eq(passwordResets.email, email), gt(passwordResets.createdAt, since))),
    );
    const sameIp = input.ip
      ? Number(await countSince(tx, and(eq(passwordResets.ip, input.ip), gt(passwordResets.createdAt, since))))
      : 0;
    const user = await first(
      tx
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`),
    );
    const allowed = resetRequestAllowed({ sameAddress, sameIp });
    const eligible =
      user !== undefined &&
      emailConfigured() &&
      mayResetPassword({
        disabledAt: user.disabledAt,
        passwordSignIn: user.passwordSignIn,
        hasPassword: user.passwordHash !== NO_PASSWORD,
      });
    const token = allowed && eligible ? randomBytes(32).toString("base64url") : null;
    const expiresAt = resetLinkExpiry(now).toISOString();
    await tx.insert(passwordResets).values({
      email,
      userId: user?.id ?? null,
      tokenHash: token ? hashToken(token) : null,
      ip: input.ip,
      expiresAt,
      createdAt: now.toISOString(),
    });
    if (!allowed) return { outcome: "throttled" };
    if (!token || !user) return { outcome: "no_link" };
    await queueAccountLinkEmail(tx, {
      template: "password_reset",
      to: user.email,
      name: user.name,
      locale: user.locale,
      inviter: null,
      url: `${input.origin}${resetPath(token)}`,
      expiresAt,
    });
    return { outcome: "sent" };
  });
}

export type ResetLinkView =
  { state: "usable"; email: string } | { state: Exclude<ResetLinkState, "usable"> | "unknown" };

async function linkOf(tx: DbOrTx, token: string, now: Date) {
  const row = await first(
    tx
      .select({ reset: passwordResets, user: users })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(eq(passwordResets.tokenHash, hashToken(token))),
  );
  if (!row) return { view: { state: "unknown" } as ResetLinkView, row: null };
  // Only the latest link sent to the account works.
  const latest = await first(
    tx
      .select({ createdAt: passwordResets.createdAt })
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, row.user.id), sql`${passwordResets.tokenHash} is not null`))
      .orderBy(desc(passwordResets.createdAt))
      .limit(1),
  );
  const usableAccount = mayResetPassword({
    disabledAt: row.user.disabledAt,
    passwordSignIn: row.user.passwordSignIn,
    hasPassword: row.user.passwordHash !== NO_PASSWORD,
  });
  const state = resetLinkState(row.reset, latest?.createdAt ?? row.reset.createdAt, now);
  // An account disabled or turned to single sign-on since the email left: the link no longer works.
  if (state === "usable" && !usableAccount) return { view: { state: "unknown" } as ResetLinkView, row: null };
  const view: ResetLinkView = state === "usable" ? { state, email: row.user.email } : { state };
  return { view, row };
}

/** What the link's page shows: the account's address only while the link can be used. */
export async function passwordResetLink(db: DbOrTx, token: string, now = new Date()): Promise<ResetLinkView> {
  return (await linkOf(db, token, now)).view;
}

const RESET_PROBLEMS = {
  used: "resetLinkUsed",
  expired: "resetLinkExpired",
  superseded: "resetLinkSuperseded",
  unknown: "resetLinkUnknown",
} as const;

const RESET_MESSAGES: Record<keyof typeof RESET_PROBLEMS, string> = {
  used: "This link was already used. Each link works once: ask for a new one if you still need it.",
  expired: "This link has expired: links work for one hour. Ask for a new one.",
  superseded: "A newer link was sent for this account: use the latest email, or ask for a new link.",
  unknown: "This link is not valid. Check that you copied all of it, or ask for a new one.",
};

/** Sets the new password through the link: the link is spent and every session of the account ends. */
export async function resetPassword(
  db: Db,
  input: { token: string; newPassword: string },
  request: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.newPassword);
  return await transaction(db, async (tx) => {
    const { view, row } = await linkOf(tx, input.token, now);
    if (view.state !== "usable" || !row) {
      const state = view.state === "usable" ? "unknown" : view.state;
      throw new AppError("rule_refused", RESET_MESSAGES[state], `reset_link_${state}`, undefined, {
        problem: RESET_PROBLEMS[state],
      });
    }
    const { reset, user } = row;
    // Spent first, conditionally: of two submissions of the same link, only one sets a password.
    const spent = await tx
      .update(passwordResets)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(passwordResets.id, reset.id), sql`${passwordResets.usedAt} is null`))
      .returning({ id: passwordResets.id });
    if (!spent.length)
      throw new AppError("rule_refused", RESET_MESSAGES.used, "reset_link_used", undefined, {
        problem: RESET_PROBLEMS.used,
      });
    await setPasswordFromLink(tx, user, passwordHash, { request, via: "forgot_password", now });
    return { email: user.email };
  });
}
