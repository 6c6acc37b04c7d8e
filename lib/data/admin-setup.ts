// Counts behind the administrator's setup steps (administrators only).
import { count, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { clientOrganizations, gatePolicyVersions, users } from "@/db/schema";
import { setupSteps } from "@/lib/domain/admin-setup";
import { canAdminister, type Actor } from "@/lib/domain/permissions";
import { forbidden } from "@/lib/errors";

export function adminSetup(db: DbOrTx, actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators set up the installation.");
  const n = (row: { n: number } | undefined) => row?.n ?? 0;
  return setupSteps({
    organizations: n(db.select({ n: count() }).from(clientOrganizations).get()),
    people: n(db.select({ n: count() }).from(users).where(ne(users.role, "admin")).get()),
    policyVersions: n(db.select({ n: count() }).from(gatePolicyVersions).get()),
  });
}
