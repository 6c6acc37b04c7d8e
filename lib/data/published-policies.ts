// The gate policies a project can be set up with: every policy's latest published version.
// Vendor staff choose one when creating a project; clients never choose (403).
import { asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { gatePolicies, gatePolicyVersions } from "@/db/schema";
import { currentDefaultPolicyVersion } from "@/lib/data/policy-versions";
import { canCreateProject, type Actor } from "@/lib/domain/permissions";
import { forbidden } from "@/lib/errors";

export async function listPublishedPolicies(db: DbOrTx, actor: Actor) {
  if (!canCreateProject(actor)) throw forbidden("Only vendor staff choose gate policies.");
  // The light-gating policy is the default; make sure it exists even on a fresh database.
  const fallback = await currentDefaultPolicyVersion(db);
  const rows = await db
    .select({ policy: gatePolicies, version: gatePolicyVersions })
    .from(gatePolicies)
    .innerJoin(gatePolicyVersions, eq(gatePolicyVersions.policyId, gatePolicies.id))
    .orderBy(asc(gatePolicies.name), desc(gatePolicyVersions.version));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.policy.id)) latest.set(row.policy.id, row);
  return [...latest.values()].map(({ policy, version }) => ({
    id: policy.id,
    name: policy.name,
    description: policy.description,
    version: version.version,
    versionId: version.id,
    isDefault: policy.id === fallback.policyId,
    gates: [...version.gates]
      .sort((a, b) => b.number - a.number)
      .map((g) => ({ number: g.number, name: g.name, objectives: g.objectives })),
  }));
}
export type PublishedPolicy = Awaited<ReturnType<typeof listPublishedPolicies>>[number];
