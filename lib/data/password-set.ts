// Setting an account's password from a one-time link (an invitation, a reset, "forgot password"):
// the new hash, every session ended (the link may have been used because the old password leaked),
// and the audit event, in the caller's transaction.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { endSessions } from "@/lib/data/sessions";
import { actorOf } from "@/lib/domain/permissions";

export async function setPasswordFromLink(
  tx: Tx,
  user: User,
  passwordHash: string,
  context: { request: { ip: string | null; userAgent: string | null }; via: string; now: Date },
): Promise<void> {
  const { request, via, now } = context;
  await tx
    .update(users)
    .set({
      passwordHash,
      passwordChangedAt: now.toISOString(),
      mustChangePassword: false,
      sessionVersion: user.sessionVersion + 1,
    })
    .where(eq(users.id, user.id));
  const ended = await endSessions(tx, user.id, { kind: "all" }, { reason: "password_changed", by: user.id, now });
  await recordAudit(
    tx,
    { actor: actorOf(user), ...request },
    {
      action: "account.password.set",
      objectType: "user",
      objectId: user.id,
      after: { via, sessionsEnded: ended.length },
    },
  );
}
