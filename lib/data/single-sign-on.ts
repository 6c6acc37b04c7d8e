// Single sign-on at the door: the identity the provider vouched for becomes a Lightgate account, or
// is refused. Every outcome is audited with the caller's address and browser, never a token or a
// claim beyond the email: the trail says who came in through single sign-on, and who was turned away.
import { and, eq, inArray } from "drizzle-orm";
import { type Db, type Tx, first, one, transaction } from "@/db/client";
import { projectMembers, projects, singleSignOnDomains, users, type User } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { actorOf, type Actor } from "@/lib/domain/permissions";
import {
  emailDomain,
  identityEmail,
  provisionedName,
  signOnVerdict,
  type Provisioning,
  type SignOnRefusal,
} from "@/lib/domain/single-sign-on";
import { NO_PASSWORD } from "@/lib/password";

export type Caller = { ip: string | null; userAgent: string | null };

export type SignOnOutcome = { ok: true; user: User; provisioned: boolean } | { ok: false; reason: SignOnRefusal };

/**
 * The context of an event no account did: recordAudit reads the actor's fields one by one
 * (`ctx?.actor.id ?? null`), so an empty actor records none while the address and browser stay.
 */
const nobody = (caller: Caller): RequestContext => ({ actor: {} as Actor, ...caller });

/** The provisioning that lets an identity of this email's domain in, if an administrator allowed one. */
async function provisioningFor(tx: Tx, email: string): Promise<Provisioning | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const row = await first(tx.select().from(singleSignOnDomains).where(eq(singleSignOnDomains.domain, domain)));
  return row
    ? { organizationId: row.organizationId, projectRole: row.projectRole as Provisioning["projectRole"] }
    : null;
}

// The organisation's projects a new account joins: those still under way, where its role means something.
const OPEN_STATUSES = ["active", "on_hold"] as const;

async function provision(tx: Tx, caller: Caller, claims: Record<string, unknown>, email: string, p: Provisioning) {
  const user = await one(
    tx
      .insert(users)
      .values({
        email,
        name: provisionedName(claims, email),
        // No password: the person signs in through single sign-on (an administrator can send a
        // password link later, which is the only way one is ever set).
        passwordHash: NO_PASSWORD,
        role: "client",
        organizationId: p.organizationId,
      })
      .returning(),
  );
  const open = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.organizationId, p.organizationId), inArray(projects.status, [...OPEN_STATUSES])));
  for (const project of open) {
    await tx.insert(projectMembers).values({ projectId: project.id, userId: user.id, role: p.projectRole });
  }
  await recordAudit(
    tx,
    { actor: actorOf(user), ...caller },
    {
      action: "user.sso.provision",
      objectType: "user",
      objectId: user.id,
      after: {
        email,
        name: user.name,
        organizationId: p.organizationId,
        projectRole: p.projectRole,
        projects: open.length,
      },
    },
  );
  return user;
}

/**
 * Matches the identity by its verified email and signs the account in, creates it where a
 * provisioned domain allows, or refuses; the outcome and its audit event are one transaction.
 */
export async function signOnWithIdentity(
  db: Db,
  input: { claims: Record<string, unknown>; emailClaim: string } & Caller,
): Promise<SignOnOutcome> {
  const caller: Caller = { ip: input.ip, userAgent: input.userAgent };
  const identity = identityEmail(input.claims, input.emailClaim);
  return await transaction(db, async (tx) => {
    const account = identity.ok ? await first(tx.select().from(users).where(eq(users.email, identity.email))) : null;
    // Provisioning matters only when no account exists: an existing account keeps its role and organisation.
    const provisioning = identity.ok && !account ? await provisioningFor(tx, identity.email) : null;
    const verdict = signOnVerdict(
      identity,
      account ? { id: account.id, disabled: Boolean(account.disabledAt) } : null,
      provisioning,
    );
    if (verdict.kind === "refuse") {
      await recordRefusal(tx, caller, verdict.reason, identity.ok ? identity.email : null, account ?? null);
      return { ok: false, reason: verdict.reason };
    }
    const user =
      verdict.kind === "provision"
        ? await provision(tx, caller, input.claims, verdict.email, verdict.provisioning)
        : (account as User);
    await recordAudit(
      tx,
      { actor: actorOf(user), ...caller },
      { action: "user.sso.sign_in", objectType: "user", objectId: user.id, after: { email: user.email } },
    );
    return { ok: true, user, provisioned: verdict.kind === "provision" };
  });
}

/**
 * A refused single sign-on: on the account when one matched (its owner and administrators see who
 * tried), else on the email the provider vouched for, else on nothing anyone can name.
 */
async function recordRefusal(
  tx: Tx,
  caller: Caller,
  reason: SignOnRefusal,
  email: string | null,
  account: User | null,
) {
  await recordAudit(tx, nobody(caller), {
    action: "user.sso.refuse",
    objectType: "user",
    objectId: account?.id ?? email ?? "unknown",
    after: { reason, ...(email ? { email } : {}) },
  });
}

/**
 * The provider's answer could not be trusted or read (a malformed callback, a `state` that does not
 * match, an id token of another issuer or audience): Auth.js refused it before any account was
 * looked at, so the event names no account. Only the error's type is kept, never its text, which
 * may quote what the caller sent.
 */
export async function recordSignOnFailure(db: Db, caller: Caller, errorType: string) {
  await transaction(db, (tx) =>
    recordAudit(tx, nobody(caller), {
      action: "user.sso.refuse",
      objectType: "user",
      objectId: "unknown",
      after: { reason: "provider_error", error: errorType.replace(/[^A-Za-z]/g, "").slice(0, 60) },
    }),
  );
}
