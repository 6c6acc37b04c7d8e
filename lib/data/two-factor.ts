// Two-factor sign-in of an account: enrolment (a key sealed at rest, confirmed by a first code), recovery
// codes and a new set of them, turning it off, an administrator's reset and policy, and redeeming a code at
// sign-in. The rules are lib/domain/two-factor*.ts; this loads, stores and audits. Keys are sealed with the
// data key.
import { and, count, eq, isNull, lt, or, sql } from "drizzle-orm";
import { type Db, type DbOrTx, first, transaction } from "@/db/client";
import { twoFactorAccounts, twoFactorPolicy, twoFactorRecoveryCodes, users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { adminCommand, ownCommand } from "@/lib/data/command";
import { withThrottledProof } from "@/lib/data/presence-proof";
import type { Actor } from "@/lib/domain/permissions";
import {
  checkTotp,
  ENROLMENT_MINUTES,
  enrolmentState,
  hashRecoveryCode,
  keyUri,
  newRecoveryCodes,
  newSecret,
  readTypedCode,
  regenerationRefusal,
} from "@/lib/domain/two-factor";
import { mayTurnOff, mustEnrol, mustUseTwoFactor, type TwoFactorPolicy } from "@/lib/domain/two-factor-policy";
import { AppError, notFound } from "@/lib/errors";
import { verifyPassword } from "@/lib/password";
import { openText, sealText } from "@/lib/secret-box";

/** The one row of the two-factor policy. */
export const TWO_FACTOR_POLICY_ROW = "current";

/** The policy as its row holds it, joined into a read or read alone: optional while none was set. */
export function policyOf(rule: TwoFactorPolicy | null | undefined): TwoFactorPolicy {
  return rule ?? "optional";
}

export async function currentTwoFactorPolicy(db: DbOrTx): Promise<TwoFactorPolicy> {
  const row = await first(db.select().from(twoFactorPolicy).where(eq(twoFactorPolicy.id, TWO_FACTOR_POLICY_ROW)));
  return policyOf(row?.rule);
}

async function accountRow(db: DbOrTx, userId: string) {
  return await first(db.select().from(twoFactorAccounts).where(eq(twoFactorAccounts.userId, userId)));
}

export async function hasTwoFactor(db: DbOrTx, userId: string): Promise<boolean> {
  return Boolean((await accountRow(db, userId))?.enabledAt);
}

/**
 * True while the policy covers this account and it has not enrolled: it may reach only its enrolment.
 * Sessions and API tokens apply the same rule (`mustEnrol`) to the policy and enrolment they read
 * with the account, in one query.
 */
export async function mustEnrolTwoFactor(
  db: DbOrTx,
  account: Pick<Actor, "id" | "role"> & { passwordSignIn?: boolean },
): Promise<boolean> {
  const policy = await currentTwoFactorPolicy(db);
  const covered = {
    role: account.role,
    passwordSignIn: account.passwordSignIn ?? (await passwordSignIn(db, account.id)),
  };
  if (!mustUseTwoFactor(policy, covered)) return false;
  return mustEnrol(policy, covered, await hasTwoFactor(db, account.id));
}

/** Whether the account may sign in with a password (false: single sign-on only, left out of the policy). */
async function passwordSignIn(db: DbOrTx, userId: string): Promise<boolean> {
  const row = await first(db.select({ passwordSignIn: users.passwordSignIn }).from(users).where(eq(users.id, userId)));
  return row?.passwordSignIn ?? true;
}

export type TwoFactorStatus = {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** The policy covers this account: it cannot be turned off. */
  required: boolean;
  /** An enrolment waiting for its first code: the key to show, or `expired`. */
  pending: { key: string; uri: string; expiresAt: string } | "expired" | null;
};

/**
 * The settings page's view of the account, in one joined read: the account's password sign-in, its
 * two-factor row, the policy and how many recovery codes are left.
 */
export async function twoFactorStatus(db: DbOrTx, actor: Actor, now = new Date()): Promise<TwoFactorStatus> {
  const row = await first(
    db
      .select({
        passwordSignIn: users.passwordSignIn,
        enabledAt: twoFactorAccounts.enabledAt,
        pendingSecret: twoFactorAccounts.pendingSecret,
        pendingSince: twoFactorAccounts.pendingSince,
        rule: twoFactorPolicy.rule,
        codesLeft: sql<number>`(select count(*) from ${twoFactorRecoveryCodes}
          where ${twoFactorRecoveryCodes.userId} = ${users.id} and ${twoFactorRecoveryCodes.usedAt} is null)`.mapWith(
          Number,
        ),
      })
      .from(users)
      .leftJoin(twoFactorAccounts, eq(twoFactorAccounts.userId, users.id))
      .leftJoin(twoFactorPolicy, eq(twoFactorPolicy.id, TWO_FACTOR_POLICY_ROW))
      .where(eq(users.id, actor.id)),
  );
  // An actor without a user row (deleted meanwhile) has nothing enrolled; the policy still decides `required`.
  const policy = row ? policyOf(row.rule) : await currentTwoFactorPolicy(db);
  let pending: TwoFactorStatus["pending"] = null;
  if (!row?.enabledAt && row?.pendingSecret && row.pendingSince) {
    const key = openText(row.pendingSecret);
    const expiresAt = new Date(new Date(row.pendingSince).getTime() + ENROLMENT_MINUTES * 60_000).toISOString();
    pending =
      enrolmentState(row.pendingSince, now) === "open" ? { key, uri: keyUri(key, actor.email), expiresAt } : "expired";
  }
  return {
    enabled: Boolean(row?.enabledAt),
    enabledAt: row?.enabledAt ?? null,
    recoveryCodesLeft: row?.codesLeft ?? 0,
    required: mustUseTwoFactor(policy, { role: actor.role, passwordSignIn: row?.passwordSignIn ?? true }),
    pending,
  };
}

const alreadyOn = () =>
  new AppError("conflict", "Two-factor sign-in is already on for this account.", "two_factor_on", undefined, {
    problem: "twoFactorAlreadyOn",
  });

/** Starts (or restarts) an enrolment: a new key, sealed, waiting ten minutes for its first code. */
export async function startEnrolment(db: Db, ctx: RequestContext, now = new Date()): Promise<{ key: string }> {
  const key = newSecret();
  await transaction(db, async (tx) => {
    const row = await accountRow(tx, ctx.actor.id);
    if (row?.enabledAt) throw alreadyOn();
    const pending = { pendingSecret: sealText(key), pendingSince: now.toISOString() };
    if (row) await tx.update(twoFactorAccounts).set(pending).where(eq(twoFactorAccounts.userId, ctx.actor.id));
    else await tx.insert(twoFactorAccounts).values({ userId: ctx.actor.id, ...pending });
  });
  return { key };
}

function codeRefusal(reason: "wrong_code" | "reused_code" | "malformed") {
  const reused = reason === "reused_code";
  const problem = reused ? "twoFactorReusedCode" : "twoFactorWrongCode";
  const message = reused
    ? "This code has already been used. Wait for the next code in your authenticator app."
    : "This code is not right. Enter the six digits your authenticator app shows now, or a recovery code.";
  return new AppError(
    "invalid_input",
    message,
    reason,
    { fieldErrors: { code: [message] } },
    {
      problem,
      fields: { code: problem },
    },
  );
}

/** Confirms the enrolment with a first code; turns two-factor on and returns the recovery codes, shown once. */
export async function confirmEnrolment(db: Db, ctx: RequestContext, typed: string, now = new Date()) {
  const codes = newRecoveryCodes();
  await ownCommand(db, ctx, async ({ tx, audit }) => {
    const row = await accountRow(tx, ctx.actor.id);
    if (row?.enabledAt) throw alreadyOn();
    const state = enrolmentState(row?.pendingSince ?? null, now);
    if (!row?.pendingSecret || state === "none")
      throw new AppError(
        "conflict",
        "Start setting up two-factor sign-in first: no key is waiting to be confirmed.",
        "no_enrolment",
        undefined,
        {
          problem: "twoFactorNoEnrolment",
        },
      );
    if (state === "expired")
      throw new AppError(
        "conflict",
        "This set-up has expired: the first code must be entered within 10 minutes. Start again to get a new key.",
        "enrolment_expired",
        undefined,
        { problem: "twoFactorEnrolmentExpired" },
      );
    const code = readTypedCode(typed);
    if (code.kind !== "totp") throw codeRefusal("malformed");
    const key = openText(row.pendingSecret);
    const verdict = checkTotp(key, code.code, now, null);
    if (!verdict.ok) throw codeRefusal(verdict.reason);
    await tx
      .update(twoFactorAccounts)
      .set({
        secret: sealText(key),
        enabledAt: now.toISOString(),
        lastStep: verdict.step,
        pendingSecret: null,
        pendingSince: null,
      })
      .where(eq(twoFactorAccounts.userId, ctx.actor.id));
    await replaceRecoveryCodes(tx, ctx.actor.id, codes);
    audit({ action: "account.two_factor.enrol", objectType: "user", objectId: ctx.actor.id });
  });
  return codes;
}

async function replaceRecoveryCodes(tx: DbOrTx, userId: string, codes: string[]) {
  await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await tx.insert(twoFactorRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
}

export type CodeVerdict =
  | { ok: true; via: "totp" }
  | { ok: true; via: "recovery_code"; remaining: number }
  | { ok: false; reason: "wrong_code" | "reused_code" };

/**
 * Spends a code of the account: a TOTP of a step later than the last accepted one, or an unused recovery
 * code. The write is conditional, so two requests racing with the same code cannot both pass.
 */
export async function redeemCode(tx: DbOrTx, userId: string, typed: string, now: Date): Promise<CodeVerdict> {
  const row = await accountRow(tx, userId);
  if (!row?.enabledAt || !row.secret) return { ok: false, reason: "wrong_code" };
  const code = readTypedCode(typed);
  if (code.kind === "malformed") return { ok: false, reason: "wrong_code" };
  if (code.kind === "totp") {
    const verdict = checkTotp(openText(row.secret), code.code, now, row.lastStep);
    if (!verdict.ok) return verdict;
    const moved = await tx
      .update(twoFactorAccounts)
      .set({ lastStep: verdict.step })
      .where(
        and(
          eq(twoFactorAccounts.userId, userId),
          or(isNull(twoFactorAccounts.lastStep), lt(twoFactorAccounts.lastStep, verdict.step)),
        ),
      )
      .returning({ userId: twoFactorAccounts.userId });
    return moved.length ? { ok: true, via: "totp" } : { ok: false, reason: "reused_code" };
  }
  const hash = hashRecoveryCode(code.code);
  const spent = await tx
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: now.toISOString() })
    .where(
      and(
        eq(twoFactorRecoveryCodes.userId, userId),
        eq(twoFactorRecoveryCodes.codeHash, hash),
        isNull(twoFactorRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: twoFactorRecoveryCodes.id });
  if (!spent.length) {
    const used = await first(
      tx
        .select({ id: twoFactorRecoveryCodes.id })
        .from(twoFactorRecoveryCodes)
        .where(and(eq(twoFactorRecoveryCodes.userId, userId), eq(twoFactorRecoveryCodes.codeHash, hash))),
    );
    return { ok: false, reason: used ? "reused_code" : "wrong_code" };
  }
  const left = await first(
    tx
      .select({ n: count() })
      .from(twoFactorRecoveryCodes)
      .where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt))),
  );
  return { ok: true, via: "recovery_code", remaining: Number(left?.n ?? 0) };
}

const wrongPassword = () =>
  new AppError(
    "invalid_input",
    "Your current password is not correct.",
    "wrong_password",
    { fieldErrors: { password: ["This is not your current password."] } },
    { problem: "wrongCurrentPassword", fields: { password: "notCurrentPassword" } },
  );

const notOn = () =>
  new AppError("conflict", "Two-factor sign-in is not on for this account.", "two_factor_off", undefined, {
    problem: "twoFactorNotOn",
  });

/**
 * A new set of recovery codes for the person's own account, returned to be shown once; every earlier code
 * stops working in the same transaction. Proof of presence as for turning it off: the password and a code
 * from the app (or a recovery code). A refusal changes nothing, not even the code it was given; only the
 * sign-in throttle counts a wrong password or code (lib/data/presence-proof.ts).
 */
export async function regenerateRecoveryCodes(
  db: Db,
  ctx: RequestContext,
  input: { password: string; code: string },
  now = new Date(),
): Promise<string[]> {
  const user = await first(db.select().from(users).where(eq(users.id, ctx.actor.id)));
  if (!user) throw notFound("This account");
  const codes = newRecoveryCodes();
  await withThrottledProof(db, ctx, user, now, { name: "recovery_codes", asks: "code" }, async (passed) => {
    // Hashing the password is slow: done before the write transaction, which it would otherwise hold.
    const passwordRight = await verifyPassword(user.passwordHash, input.password);
    await ownCommand(db, ctx, async ({ tx, audit }) => {
      const enabled = await hasTwoFactor(tx, user.id);
      const code = enabled && passwordRight ? await redeemCode(tx, user.id, input.code, now) : null;
      const refusal = regenerationRefusal({ enabled, passwordRight, code });
      if (refusal === "two_factor_off") throw notOn();
      if (refusal === "wrong_password") throw wrongPassword();
      if (refusal) throw codeRefusal(refusal);
      await passed(tx);
      await replaceRecoveryCodes(tx, user.id, codes);
      audit({ action: "account.two_factor.recovery_codes.regenerate", objectType: "user", objectId: user.id });
    });
  });
  return codes;
}

/** Turns two-factor off: the password and a code (or a recovery code), throttled alike, and a policy allowing it. */
export async function turnOffTwoFactor(
  db: Db,
  ctx: RequestContext,
  input: { password: string; code: string },
  now = new Date(),
) {
  const user = await first(db.select().from(users).where(eq(users.id, ctx.actor.id)));
  if (!user) throw notFound("This account");
  await withThrottledProof(db, ctx, user, now, { name: "two_factor_off", asks: "code" }, async (passed) => {
    if (!mayTurnOff(await currentTwoFactorPolicy(db), user))
      throw new AppError(
        "rule_refused",
        "Two-factor sign-in is required for your account by the administrators' policy, so it cannot be turned off.",
        "required",
        undefined,
        { problem: "twoFactorRequiredByPolicy" },
      );
    if (!(await verifyPassword(user.passwordHash, input.password))) throw wrongPassword();
    await ownCommand(db, ctx, async ({ tx, audit }) => {
      const verdict = await redeemCode(tx, user.id, input.code, now);
      if (!verdict.ok) throw codeRefusal(verdict.reason);
      await passed(tx);
      await clearTwoFactor(tx, user.id);
      audit({ action: "account.two_factor.disable", objectType: "user", objectId: user.id });
    });
  });
}

async function clearTwoFactor(tx: DbOrTx, userId: string) {
  await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await tx.delete(twoFactorAccounts).where(eq(twoFactorAccounts.userId, userId));
}

/**
 * An administrator's reset, for a person who lost their phone and their recovery codes: their key and codes
 * are removed (they enrol again, at once if the policy requires it) and their sessions end.
 */
export async function resetTwoFactor(db: Db, ctx: RequestContext, userId: string) {
  await adminCommand(db, ctx, async ({ tx, audit }) => {
    const user = await first(tx.select().from(users).where(eq(users.id, userId)));
    if (!user) throw notFound("This account");
    const row = await accountRow(tx, userId);
    if (!row?.enabledAt) throw notOn();
    await clearTwoFactor(tx, userId);
    await tx
      .update(users)
      .set({ sessionVersion: user.sessionVersion + 1 })
      .where(eq(users.id, userId));
    audit({ action: "user.two_factor.reset", objectType: "user", objectId: userId, after: { name: user.name } });
  });
}

export async function setTwoFactorPolicy(db: Db, ctx: RequestContext, policy: TwoFactorPolicy) {
  await adminCommand(db, ctx, async ({ tx, audit }) => {
    const before = await currentTwoFactorPolicy(tx);
    if (before === policy) return;
    const row = { rule: policy, changedBy: ctx.actor.id, changedAt: new Date().toISOString() };
    await tx
      .insert(twoFactorPolicy)
      .values({ id: TWO_FACTOR_POLICY_ROW, ...row })
      .onConflictDoUpdate({ target: twoFactorPolicy.id, set: row });
    audit({
      action: "two_factor.policy.change",
      objectType: "two_factor_policy",
      objectId: TWO_FACTOR_POLICY_ROW,
      before: { rule: before },
      after: { rule: policy },
    });
  });
}

/** Which accounts have two-factor on, for the administrators' list of users. */
export async function accountsWithTwoFactor(db: DbOrTx, actor: Actor): Promise<Set<string>> {
  if (actor.role !== "admin") return new Set();
  const rows = await db
    .select({ userId: twoFactorAccounts.userId, enabledAt: twoFactorAccounts.enabledAt })
    .from(twoFactorAccounts);
  return new Set(rows.filter((r) => r.enabledAt).map((r) => r.userId));
}
