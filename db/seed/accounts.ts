// Demo organisations and accounts (DESIGN.md §6). Every demo account shares DEMO_PASSWORD.
import { type Tx, one } from "@/db/client";
import { clientOrganizations, twoFactorAccounts, users, type GlobalRole } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locale";
import { inOrder } from "@/lib/in-order";
import { sealText } from "@/lib/secret-box";

/**
 * The demo administrator's authenticator key (base32, RFC 6238): admin@demo.test has two-factor sign-in on
 * with this fixed key, printed in README.md and on the demo sign-in page, so anyone trying the demo (and the
 * tests) can compute its codes. Never a real installation's key: only the demo seed uses it.
 */
export const DEMO_ADMIN_AUTHENTICATOR_KEY = "LIGHTGATEDEMOADMINTOTPKEY2345672";
export const DEMO_TWO_FACTOR_EMAIL = "admin@demo.test";

export const DEMO_ORGANIZATIONS = {
  nordlicht: { name: "Nordlicht Netz AG", sector: "energy", country: "Germany" },
  aquavale: { name: "AquaVale Water", sector: "water", country: "United Kingdom" },
  meridian: { name: "Meridian Telecom", sector: "telecom", country: "Spain" },
  helios: { name: "Helios Gas Distribution", sector: "gas", country: "Netherlands" },
} as const;
export type DemoOrg = keyof typeof DEMO_ORGANIZATIONS;

export const DEMO_ACCOUNTS: {
  email: string;
  name: string;
  role: GlobalRole;
  org?: DemoOrg;
  listed: boolean;
  /** The account's own language (issue 14); the others follow their browser's. */
  locale?: Locale;
}[] = [
  { email: "admin@demo.test", name: "Ada Lindqvist", role: "admin", listed: true },
  { email: "pm@demo.test", name: "Paula Martins", role: "staff", listed: true },
  { email: "board@demo.test", name: "Boris Keller", role: "staff", listed: true },
  { email: "engineer@demo.test", name: "Emeka Obi", role: "staff", listed: true },
  { email: "integrator@demo.test", name: "Ines Duarte", role: "staff", listed: true },
  { email: "owner@demo.test", name: "Olga Brandt", role: "client", org: "nordlicht", listed: true },
  { email: "guardian@demo.test", name: "Gustav Roth", role: "client", org: "nordlicht", listed: true },
  { email: "viewer@demo.test", name: "Vera Stein", role: "client", org: "nordlicht", listed: true },
  { email: "viewer@other.demo.test", name: "Victor Hale", role: "client", org: "aquavale", listed: true },
  // Vendor staff who read Lightgate in Spanish and in Polish, on the residential project's team as
  // integrators: they can open its dashboard row, gates and go-live page without sitting on a board.
  { email: "pm.es@demo.test", name: "Lucía Fernández", role: "staff", listed: true, locale: "es" },
  { email: "pm.pl@demo.test", name: "Piotr Nowak", role: "staff", listed: true, locale: "pl" },
  // Supporting cast, so every project has owners, guardians and a second PM.
  { email: "pm2@demo.test", name: "Tomás Rivera", role: "staff", listed: false },
  { email: "trainer@demo.test", name: "Tara Quinn", role: "staff", listed: false },
  { email: "guardian2@demo.test", name: "Greta Vogel", role: "client", org: "nordlicht", listed: false },
  { email: "guardian3@demo.test", name: "Hanno Weiss", role: "client", org: "nordlicht", listed: false },
  { email: "owner@other.demo.test", name: "Olivia Grant", role: "client", org: "aquavale", listed: false },
  { email: "owner@meridian.demo.test", name: "Marta Solé", role: "client", org: "meridian", listed: false },
  { email: "viewer@meridian.demo.test", name: "Jordi Puig", role: "client", org: "meridian", listed: false },
  { email: "owner@helios.demo.test", name: "Henk de Vries", role: "client", org: "helios", listed: false },
];

export async function seedAccounts(tx: Tx, passwordHash: string) {
  const orgs = Object.fromEntries(
    await inOrder(Object.entries(DEMO_ORGANIZATIONS), async ([key, org]) => [
      key,
      await one(tx.insert(clientOrganizations).values(org).returning()),
    ]),
  ) as Record<DemoOrg, typeof clientOrganizations.$inferSelect>;
  const accounts = Object.fromEntries(
    await inOrder(DEMO_ACCOUNTS, async (a) => [
      a.email,
      await one(
        tx
          .insert(users)
          .values({
            email: a.email,
            name: a.name,
            role: a.role,
            organizationId: a.org ? orgs[a.org].id : null,
            locale: a.locale ?? null,
            passwordHash,
          })
          .returning(),
      ),
    ]),
  ) as Record<string, typeof users.$inferSelect>;
  await tx.insert(twoFactorAccounts).values({
    userId: accounts[DEMO_TWO_FACTOR_EMAIL].id,
    secret: sealText(DEMO_ADMIN_AUTHENTICATOR_KEY),
    enabledAt: new Date().toISOString(),
  });
  return { orgs, accounts };
}
