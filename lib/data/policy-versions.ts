import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { gatePolicies, gatePolicyVersions, type PolicyGate } from "@/db/schema";
import { DEFAULT_POLICY_GATES, DEFAULT_POLICY_NAME } from "@/lib/domain/default-policy";

/** A policy's latest published version, if it has one. */
export function latestPolicyVersion(db: DbOrTx, policyId: string) {
  return db.select().from(gatePolicyVersions).where(eq(gatePolicyVersions.policyId, policyId)).orderBy(desc(gatePolicyVersions.version)).limit(1).get();
}

/** The default policy's latest published version, created from the seed the first time. */
export function currentDefaultPolicyVersion(db: DbOrTx) {
  let policy = db.select().from(gatePolicies).where(eq(gatePolicies.name, DEFAULT_POLICY_NAME)).get();
  if (!policy) {
    policy = db
      .insert(gatePolicies)
      .values({ name: DEFAULT_POLICY_NAME, description: "Gates 7 → 1 for every client rollout." })
      .returning()
      .get();
  }
  const latest = latestPolicyVersion(db, policy.id);
  if (latest) return latest;
  return db
    .insert(gatePolicyVersions)
    .values({
      policyId: policy.id,
      version: 1,
      gates: DEFAULT_POLICY_GATES satisfies PolicyGate[],
      publishedAt: new Date().toISOString(),
      note: "Initial policy",
    })
    .returning()
    .get();
}
