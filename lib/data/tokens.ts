// Personal API tokens: shown once, stored as a SHA-256 hash, revocable.
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { type Db, type DbOrTx, first, one, rowLockedTransaction } from "@/db/client";
import { type Placeholders, reusedQuery } from "@/db/reused";
import { apiTokens, twoFactorAccounts, twoFactorPolicy, users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { ownCommand } from "@/lib/data/command";
import { actorOf, type Actor } from "@/lib/domain/permissions";
import { mustEnrol } from "@/lib/domain/two-factor-policy";
import { policyOf, TWO_FACTOR_POLICY_ROW } from "@/lib/data/two-factor";
import { notFound } from "@/lib/errors";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function actorForToken(db: DbOrTx, token: string): Promise<Actor | null> {
  return (await accountForToken(db, token))?.actor ?? null;
}

/** A token not revoked, its account, the account's two-factor row and the installation's policy: built once. */
const tokenWithAccount = reusedQuery((db, p: Placeholders<"tokenHash">) =>
  db
    .select({
      token: apiTokens,
      user: users,
      twoFactorSince: twoFactorAccounts.enabledAt,
      policy: twoFactorPolicy.rule,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(twoFactorAccounts, eq(twoFactorAccounts.userId, users.id))
    .leftJoin(twoFactorPolicy, eq(twoFactorPolicy.id, TWO_FACTOR_POLICY_ROW))
    .where(and(eq(apiTokens.tokenHash, p.tokenHash), isNull(apiTokens.revokedAt))),
);

/**
 * The token's account, and whether it must still replace a password an administrator set or
 * enrol in two-factor sign-in as the installation's policy asks (its tokens reach nothing until
 * then, as its browser sessions): read with the token, in one query.
 */
export async function accountForToken(
  db: DbOrTx,
  token: string,
): Promise<{ actor: Actor; mustChangePassword: boolean; mustEnrolTwoFactor: boolean } | null> {
  const [row] = await tokenWithAccount(db, { tokenHash: hashToken(token) });
  if (!row || row.user.disabledAt) return null;
  // Record use at most once a minute to keep reads cheap.
  const now = new Date();
  if (!row.token.lastUsedAt || now.getTime() - Date.parse(row.token.lastUsedAt) > 60_000) {
    // A row's own write: on PostgreSQL it need not wait for (or hold off) every other writer.
    await rowLockedTransaction(
      db,
      (tx) => tx.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.token.id)),
      { countsAsChange: false },
    );
  }
  const { user } = row;
  const covered = { role: user.role, passwordSignIn: user.passwordSignIn };
  return {
    actor: actorOf(user),
    mustChangePassword: user.mustChangePassword,
    mustEnrolTwoFactor: mustEnrol(policyOf(row.policy), covered, Boolean(row.twoFactorSince)),
  };
}

/** Creates a token for the actor; returns the secret, which is never stored or shown again. */
export async function createApiToken(
  db: Db,
  ctx: RequestContext,
  name: string,
): Promise<{ id: string; token: string }> {
  const token = `lg_${randomBytes(24).toString("base64url")}`;
  return await ownCommand(db, ctx, async ({ tx, audit }) => {
    const row = await one(
      tx
        .insert(apiTokens)
        .values({ userId: ctx.actor.id, name, tokenHash: hashToken(token), prefix: token.slice(0, 8) })
        .returning(),
    );
    audit({ action: "api_token.create", objectType: "api_token", objectId: row.id, after: { name } });
    return { id: row.id, token };
  });
}

export async function listApiTokens(db: DbOrTx, actor: Actor) {
  return await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.id))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Db, ctx: RequestContext, tokenId: string): Promise<void> {
  await ownCommand(db, ctx, async ({ tx, audit }) => {
    const row = await first(
      tx
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, ctx.actor.id))),
    );
    // One already revoked answers as an unknown one: there is nothing left to revoke.
    if (!row || row.revokedAt) throw notFound("This token");
    await tx.update(apiTokens).set({ revokedAt: new Date().toISOString() }).where(eq(apiTokens.id, tokenId));
    audit({ action: "api_token.revoke", objectType: "api_token", objectId: tokenId, before: { name: row.name } });
  });
}
