// Personal API tokens: shown once, stored as a SHA-256 hash, revocable.
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import type { Actor } from "@/lib/domain/permissions";
import { notFound } from "@/lib/errors";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function actorForToken(db: DbOrTx, token: string): Actor | null {
  return accountForToken(db, token)?.actor ?? null;
}

/** The token's account, and whether it must still replace a password an administrator set. */
export function accountForToken(db: DbOrTx, token: string): { actor: Actor; mustChangePassword: boolean } | null {
  const row = db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .get();
  if (!row || row.user.disabledAt) return null;
  // Record use at most once a minute to keep reads cheap.
  const now = new Date();
  if (!row.token.lastUsedAt || now.getTime() - Date.parse(row.token.lastUsedAt) > 60_000) {
    db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.token.id)).run();
  }
  const { user } = row;
  return {
    actor: { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId },
    mustChangePassword: user.mustChangePassword,
  };
}

/** Creates a token for the actor; returns the secret, which is never stored or shown again. */
export function createApiToken(db: Db, ctx: RequestContext, name: string): { id: string; token: string } {
  const token = `lg_${randomBytes(24).toString("base64url")}`;
  return db.transaction(
    (tx) => {
      const row = tx
        .insert(apiTokens)
        .values({ userId: ctx.actor.id, name, tokenHash: hashToken(token), prefix: token.slice(0, 8) })
        .returning()
        .get();
      recordAudit(tx, ctx, { action: "api_token.create", objectType: "api_token", objectId: row.id, after: { name } });
      return { id: row.id, token };
    },
    { behavior: "immediate" },
  );
}

export function listApiTokens(db: DbOrTx, actor: Actor) {
  return db
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
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

export function revokeApiToken(db: Db, ctx: RequestContext, tokenId: string): void {
  db.transaction(
    (tx) => {
      const row = tx
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, ctx.actor.id)))
        .get();
      if (!row) throw notFound("This token");
      if (row.revokedAt) return;
      tx.update(apiTokens).set({ revokedAt: new Date().toISOString() }).where(eq(apiTokens.id, tokenId)).run();
      recordAudit(tx, ctx, { action: "api_token.revoke", objectType: "api_token", objectId: tokenId, before: { name: row.name } });
    },
    { behavior: "immediate" },
  );
}
