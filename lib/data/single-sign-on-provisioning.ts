// What administrators decide about single sign-on: which email domains may create accounts in a
// client organisation (and in which role), and which accounts may still sign in with a password.
// Both are installation-wide account settings, so only administrators change them (adminCommand).
import { asc, eq } from "drizzle-orm";
import { type Db, type DbOrTx, first } from "@/db/client";
import { clientOrganizations, singleSignOnDomains, users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { requireAdministrator } from "@/lib/data/access";
import { adminCommand } from "@/lib/data/command";
import type { Actor } from "@/lib/domain/permissions";
import { parseDomains, type OrganizationSignOn, type ProvisioningRole } from "@/lib/domain/single-sign-on";
import { AppError, notFound } from "@/lib/errors";
import type { organizationSignOnSchema } from "@/lib/validation/single-sign-on";
import type { z } from "zod";

/** Each organisation's provisioning, by organisation id; organisations without one are absent. */
export async function listOrganizationSignOn(db: DbOrTx, actor: Actor): Promise<Map<string, OrganizationSignOn>> {
  requireAdministrator(actor);
  const rows = await db.select().from(singleSignOnDomains).orderBy(asc(singleSignOnDomains.domain));
  const byOrganization = new Map<string, OrganizationSignOn>();
  for (const row of rows) {
    const entry = byOrganization.get(row.organizationId);
    if (entry) entry.domains.push(row.domain);
    else
      byOrganization.set(row.organizationId, {
        domains: [row.domain],
        projectRole: row.projectRole as ProvisioningRole,
      });
  }
  return byOrganization;
}

const invalidDomains = (invalid: string[]) =>
  new AppError(
    "invalid_input",
    `Not an email domain: ${invalid.join(", ")}.`,
    "invalid_domain",
    { fieldErrors: { domains: [`Not an email domain: ${invalid.join(", ")}.`] } },
    { problem: "singleSignOnDomainInvalid", params: { domains: invalid.join(", ") } },
  );

const domainTaken = (domain: string, organization: string) =>
  new AppError(
    "conflict",
    `The domain ${domain} already creates accounts in ${organization}.`,
    "domain_taken",
    { fieldErrors: { domains: [`The domain ${domain} already creates accounts in ${organization}.`] } },
    { problem: "singleSignOnDomainTaken", params: { domain, organization } },
  );

/**
 * Replaces the organisation's provisioned domains and role. A domain belongs to one organisation at
 * most: taking one from another organisation is refused, never silently moved.
 */
export async function setOrganizationSignOn(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof organizationSignOnSchema>,
): Promise<OrganizationSignOn> {
  return await adminCommand(db, ctx, async ({ tx, audit }) => {
    const organization = await first(
      tx.select().from(clientOrganizations).where(eq(clientOrganizations.id, input.organizationId)),
    );
    if (!organization) throw notFound();
    const { domains, invalid } = parseDomains(input.domains);
    if (invalid.length > 0) throw invalidDomains(invalid);
    for (const domain of domains) {
      const holder = await first(
        tx
          .select({ organizationId: singleSignOnDomains.organizationId, name: clientOrganizations.name })
          .from(singleSignOnDomains)
          .innerJoin(clientOrganizations, eq(clientOrganizations.id, singleSignOnDomains.organizationId))
          .where(eq(singleSignOnDomains.domain, domain)),
      );
      if (holder && holder.organizationId !== organization.id) throw domainTaken(domain, holder.name);
    }
    const current = await tx
      .select()
      .from(singleSignOnDomains)
      .where(eq(singleSignOnDomains.organizationId, organization.id))
      .orderBy(asc(singleSignOnDomains.domain));
    const before = current.length
      ? { domains: current.map((r) => r.domain), projectRole: current[0].projectRole }
      : { domains: [] };
    const after = domains.length ? { domains: [...domains].sort(), projectRole: input.projectRole } : { domains: [] };
    if (JSON.stringify(before) === JSON.stringify(after))
      return { domains: after.domains, projectRole: input.projectRole };
    await tx.delete(singleSignOnDomains).where(eq(singleSignOnDomains.organizationId, organization.id));
    for (const domain of domains) {
      await tx
        .insert(singleSignOnDomains)
        .values({ domain, organizationId: organization.id, projectRole: input.projectRole });
    }
    audit({
      action: "organization.sso.update",
      objectType: "client_organization",
      objectId: organization.id,
      before,
      after,
    });
    return { domains: after.domains, projectRole: input.projectRole };
  });
}

/**
 * Turns an account's password sign-in on or off. Off needs single sign-on to be configured (or the
 * account could not sign in at all), and an administrator cannot turn off their own: a provider
 * outage would then lock out the person who can turn it back on.
 */
export async function setPasswordSignIn(
  db: Db,
  ctx: RequestContext,
  input: { userId: string; enabled: boolean },
  singleSignOnConfigured: boolean,
) {
  await adminCommand(db, ctx, async ({ tx, audit }) => {
    const user = await first(tx.select().from(users).where(eq(users.id, input.userId)));
    if (!user) throw notFound("This account");
    if (user.passwordSignIn === input.enabled) return;
    if (!input.enabled && !singleSignOnConfigured)
      throw new AppError(
        "rule_refused",
        "Password sign-in can only be turned off while single sign-on is configured.",
        "no_single_sign_on",
        undefined,
        { problem: "passwordSignInNeedsSingleSignOn" },
      );
    if (!input.enabled && user.id === ctx.actor.id)
      throw new AppError(
        "rule_refused",
        "You cannot turn off password sign-in for your own account.",
        "self_password_sign_in",
        undefined,
        { problem: "passwordSignInOwnAccount" },
      );
    await tx.update(users).set({ passwordSignIn: input.enabled }).where(eq(users.id, user.id));
    audit({
      action: input.enabled ? "user.password_sign_in.enable" : "user.password_sign_in.disable",
      objectType: "user",
      objectId: user.id,
      before: { passwordSignIn: user.passwordSignIn },
      after: { passwordSignIn: input.enabled },
    });
  });
}

/** The accounts whose password sign-in is off, for the administrator's list of accounts. */
export async function accountsWithoutPasswordSignIn(db: DbOrTx, actor: Actor): Promise<Set<string>> {
  requireAdministrator(actor);
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.passwordSignIn, false));
  return new Set(rows.map((r) => r.id));
}
