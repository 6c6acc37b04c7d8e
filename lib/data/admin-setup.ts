// Counts behind the administrator's setup steps (administrators only).
import { count, ne } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import { clientOrganizations, gatePolicyVersions, users } from "@/db/schema";
import { setupSteps } from "@/lib/domain/admin-setup";
import { canAdminister, type Actor } from "@/lib/domain/permissions";
import { forbidden } from "@/lib/errors";

export async function adminSetup(db: DbOrTx, actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators set up the installation.");
  const n = (row: { n: number } | undefined) => row?.n ?? 0;
  return setupSteps({
    organizations: n(await first(db.select({ n: count() }).from(clientOrganizations))),
    people: n(await first(db.select({ n: count() }).from(users).where(ne(users.role, "admin")))),
    policyVersions: n(await first(db.select({ n: count() }).from(gatePolicyVersions))),
  });
}
