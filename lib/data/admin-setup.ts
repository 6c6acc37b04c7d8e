// Counts behind the administrator's setup steps (administrators only).
import { count, ne } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import { clientOrganizations, gatePolicyVersions, users } from "@/db/schema";
import { setupSteps } from "@/lib/domain/admin-setup";
import { requireAdministrator } from "@/lib/data/access";
import type { Actor } from "@/lib/domain/permissions";

export async function adminSetup(db: DbOrTx, actor: Actor) {
  requireAdministrator(actor, "Only administrators set up the installation.");
  const n = (row: { n: number } | undefined) => row?.n ?? 0;
  return setupSteps({
    organizations: n(await first(db.select({ n: count() }).from(clientOrganizations))),
    people: n(await first(db.select({ n: count() }).from(users).where(ne(users.role, "admin")))),
    policyVersions: n(await first(db.select({ n: count() }).from(gatePolicyVersions))),
  });
}
