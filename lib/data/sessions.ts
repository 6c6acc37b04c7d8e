// Signed-in sessions under their person's control (issue 15, item 3). Every session token names a row
// here; a request whose row is missing or ended is refused (lib/session.ts), so ending a row signs
// that browser out on its next request. The account's session version still ends all of them at once.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { type Db, type DbOrTx, type Tx, first, one, transaction } from "@/db/client";
import { type Placeholders, reusedQuery } from "@/db/reused";
import { apiTokens, sessions, twoFactorAccounts, twoFactorPolicy, users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { adminCommand, ownCommand } from "@/lib/data/command";
import { policyOf, TWO_FACTOR_POLICY_ROW } from "@/lib/data/two-factor";
import { actorOf, type Actor } from "@/lib/domain/permissions";
import { mustEnrol } from "@/lib/domain/two-factor-policy";
import { sessionDevice } from "@/lib/domain/session-device";
import {
  isSessionActive,
  type RevocationScope,
  type SessionFacts,
  type SessionEndReason,
  sessionsToEnd,
  sessionVerdict,
  shouldRecordLastSeen,
} from "@/lib/domain/session-revocation";
import { AppError, notFound } from "@/lib/errors";

/** How long a session token lives (lib/auth.ts signs it for this long); an older "last seen" is over. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;

/** Opens the row of a new session (any sign-in: password, two-factor, single sign-on); its id goes into the token. */
export async function startSession(
  db: Db,
  input: { userId: string; ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const at = now.toISOString();
  const row = await transaction(db, async (tx) =>
    one(
      tx
        .insert(sessions)
        .values({
          userId: input.userId,
          ip: input.ip,
          userAgent: input.userAgent?.slice(0, 512) ?? null,
          createdAt: at,
          lastSeenAt: at,
        })
        .returning({ id: sessions.id }),
    ),
  );
  return row.id;
}

/**
 * Whether a request may go on with this session: its row exists, is the token's account's and is not
 * ended. Records "last seen" at most once a minute, so most requests only read.
 */
export async function sessionInUse(
  db: Db,
  claim: { sessionId: string | null; userId: string },
  now = new Date(),
): Promise<boolean> {
  const row = claim.sessionId
    ? ((await first(db.select().from(sessions).where(eq(sessions.id, claim.sessionId)))) ?? null)
    : null;
  return await acceptSession(db, claim, row, now);
}

/** The verdict on a session row already read, recording "last seen" when it is due. */
async function acceptSession(
  db: Db,
  claim: { sessionId: string | null; userId: string },
  row: SessionFacts | null,
  now: Date,
): Promise<boolean> {
  if (sessionVerdict(claim, row) !== "accepted" || !row) return false;
  if (shouldRecordLastSeen(row.lastSeenAt, now)) {
    await transaction(db, (tx) =>
      tx
        .update(sessions)
        .set({ lastSeenAt: now.toISOString() })
        .where(and(eq(sessions.id, row.id), isNull(sessions.revokedAt))),
    );
  }
  return true;
}

/** A session token's account as the app treats it on this request. */
export type SessionAccount = {
  actor: Actor;
  mustChangePassword: boolean;
  /** The two-factor policy covers the account and it has not enrolled yet. */
  mustEnrolTwoFactor: boolean;
};

/** The account, its session, its two-factor row and the installation's two-factor policy: built once. */
const accountWithSession = reusedQuery((db, p: Placeholders<"sessionId" | "userId">) =>
  db
    .select({
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        organizationId: users.organizationId,
        disabledAt: users.disabledAt,
        sessionVersion: users.sessionVersion,
        mustChangePassword: users.mustChangePassword,
        passwordSignIn: users.passwordSignIn,
      },
      session: {
        id: sessions.id,
        userId: sessions.userId,
        lastSeenAt: sessions.lastSeenAt,
        revokedAt: sessions.revokedAt,
      },
      twoFactorEnabledAt: twoFactorAccounts.enabledAt,
      policy: twoFactorPolicy.rule,
    })
    .from(users)
    // On the session's id alone, not the account's: another account's session is then found, and refused.
    .leftJoin(sessions, eq(sessions.id, p.sessionId))
    .leftJoin(twoFactorAccounts, eq(twoFactorAccounts.userId, users.id))
    .leftJoin(twoFactorPolicy, eq(twoFactorPolicy.id, TWO_FACTOR_POLICY_ROW))
    .where(eq(users.id, p.userId)),
);

/**
 * The account behind a session token's claims, re-checked on every request (lib/session.ts): the account
 * must be enabled with the token's session version, and the token's own session row must exist, be the
 * account's and not have been ended. Every signed-in request pays for this, so the account, its session,
 * its two-factor row and the installation's one-row two-factor policy are one joined read (as an API
 * token's account is, lib/data/tokens.ts).
 */
export async function signedInAccount(
  db: Db,
  claims: { userId: string; sessionId: string; sessionVersion: number },
  now = new Date(),
): Promise<SessionAccount | null> {
  const [row] = await accountWithSession(db, { sessionId: claims.sessionId, userId: claims.userId });
  if (!row) return null;
  const { user } = row;
  if (user.disabledAt || user.sessionVersion !== claims.sessionVersion) return null;
  if (!(await acceptSession(db, { sessionId: claims.sessionId, userId: user.id }, row.session, now))) return null;
  return {
    actor: actorOf(user),
    mustChangePassword: user.mustChangePassword,
    mustEnrolTwoFactor: mustEnrol(
      policyOf(row.policy),
      { role: user.role, passwordSignIn: user.passwordSignIn },
      Boolean(row.twoFactorEnabledAt),
    ),
  };
}

/** Signing out ends the session's row too, so a copy of its cookie is refused afterwards. */
export async function endSignedOutSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await transaction(db, (tx) =>
    tx
      .update(sessions)
      .set({ revokedAt: now.toISOString(), revokedReason: "signed_out" })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt))),
  );
}

export type SessionView = {
  id: string;
  browser: string | null;
  os: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
};

/** The account's open sessions, the most recently seen first; the caller's own is marked. */
export async function listOwnSessions(
  db: DbOrTx,
  actor: Actor,
  currentSessionId: string | null,
  now = new Date(),
): Promise<SessionView[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, actor.id), isNull(sessions.revokedAt)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  return rows
    .filter((row) => isSessionActive(row, now, SESSION_LIFETIME_MS))
    .map((row) => ({
      id: row.id,
      ...sessionDevice(row.userAgent),
      ip: row.ip,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.id === currentSessionId,
    }));
}

type Ended = { id: string; userAgent: string | null; ip: string | null };

/**
 * Ends the sessions of one account a revocation covers, inside the caller's transaction (a password
 * change, disabling an account, an administrator's revocation), and says which ended.
 */
export async function endSessions(
  tx: Tx,
  userId: string,
  scope: RevocationScope,
  how: { reason: SessionEndReason; by: string | null; now?: Date },
): Promise<Ended[]> {
  const open = await tx
    .select({
      id: sessions.id,
      userId: sessions.userId,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      lastSeenAt: sessions.lastSeenAt,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  const ending = sessionsToEnd(open, scope);
  if (ending.length === 0) return [];
  await tx
    .update(sessions)
    .set({ revokedAt: (how.now ?? new Date()).toISOString(), revokedReason: how.reason, revokedBy: how.by })
    .where(
      and(
        inArray(
          sessions.id,
          ending.map((s) => s.id),
        ),
        isNull(sessions.revokedAt),
      ),
    );
  return ending.map(({ id, userAgent, ip }) => ({ id, userAgent, ip }));
}

/** Revokes every open API token of an account, inside the caller's transaction; says how many. */
export async function revokeAllApiTokens(tx: Tx, userId: string, now = new Date()): Promise<number> {
  const open = await tx
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  if (open.length === 0) return 0;
  await tx
    .update(apiTokens)
    .set({ revokedAt: now.toISOString() })
    .where(
      inArray(
        apiTokens.id,
        open.map((t) => t.id),
      ),
    );
  return open.length;
}

/** "Firefox, Windows": which session an audit event speaks of, in product names (the same in every language). */
export function deviceOf(userAgent: string | null): string {
  const { browser, os } = sessionDevice(userAgent);
  return [browser, os].filter(Boolean).join(", ") || "unknown device";
}

const sessionNotFound = () =>
  new AppError("not_found", "This session does not exist or has already ended.", "session_not_found", undefined, {
    problem: "sessionNotFound",
  });

/**
 * The person ends one of their own sessions. Another account's session, an unknown one and one that
 * already ended all answer 404 alike, and change nothing.
 */
export async function revokeOwnSession(db: Db, ctx: RequestContext, sessionId: string): Promise<void> {
  await ownCommand(db, ctx, async ({ tx, audit }) => {
    const [ended] = await endSessions(
      tx,
      ctx.actor.id,
      { kind: "one", sessionId },
      {
        reason: "revoked",
        by: ctx.actor.id,
      },
    );
    if (!ended) throw sessionNotFound();
    audit({
      action: "session.revoke",
      objectType: "user",
      objectId: ctx.actor.id,
      after: { sessionId: ended.id, device: deviceOf(ended.userAgent), ip: ended.ip ?? "—" },
    });
  });
}

/** Every session of the account but the caller's own ends; says how many did. */
export async function revokeOtherSessions(
  db: Db,
  ctx: RequestContext,
  currentSessionId: string | null,
): Promise<number> {
  return await ownCommand(db, ctx, async ({ tx, audit }) => {
    const ended = await endSessions(
      tx,
      ctx.actor.id,
      { kind: "others", currentSessionId },
      { reason: "others_revoked", by: ctx.actor.id },
    );
    audit({
      action: "session.revoke_others",
      objectType: "user",
      objectId: ctx.actor.id,
      after: { sessions: ended.length },
    });
    return ended.length;
  });
}

/**
 * An administrator ends every session and revokes every API token of an account (a lost laptop, a
 * person leaving): the account stays usable with a fresh sign-in.
 */
export async function revokeUserAccess(
  db: Db,
  ctx: RequestContext,
  userId: string,
): Promise<{ sessions: number; tokens: number }> {
  return await adminCommand(db, ctx, async ({ tx, audit }) => {
    const user = await first(tx.select({ id: users.id }).from(users).where(eq(users.id, userId)));
    if (!user) throw notFound("This account");
    const ended = await endSessions(tx, userId, { kind: "all" }, { reason: "revoked_by_admin", by: ctx.actor.id });
    const tokens = await revokeAllApiTokens(tx, userId);
    audit({
      action: "user.access.revoke",
      objectType: "user",
      objectId: userId,
      after: { sessions: ended.length, tokens },
    });
    return { sessions: ended.length, tokens };
  });
}
