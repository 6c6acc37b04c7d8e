// The gate policies a project can be set up with: every policy's latest published version.
// Vendor staff choose one when creating a project; clients never choose (403).
import { asc, desc, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { gatePolicies, gatePolicyVersions } from "@/db/schema";
import { afterKey, decodeCursor } from "@/lib/data/cursor";
import { currentDefaultPolicyVersion } from "@/lib/data/policy-versions";
import { knownLanguages, localizeFields } from "@/lib/domain/localized-text";
import { canCreateProject, type Actor } from "@/lib/domain/permissions";
import { forbidden } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale";

/** Every policy's latest version, by name; with `page`, at most `limit + 1` policies after the cursor's (name, id). */
export async function listPublishedPolicies(
  db: DbOrTx,
  actor: Actor,
  page?: { limit: number; cursor?: string | null },
  reader?: Locale,
) {
  if (!canCreateProject(actor))
    throw forbidden("Only vendor staff choose gate policies.", { problem: "vendorChoosesPolicies" });
  // The light-gating policy is the default; make sure it exists even on a fresh database.
  const fallback = await currentDefaultPolicyVersion(db);
  const after = page?.cursor ? decodeCursor(page.cursor, ["string", "string"]) : null;
  const policyQuery = db
    .select()
    .from(gatePolicies)
    .where(afterKey([gatePolicies.name, gatePolicies.id], after))
    .orderBy(asc(gatePolicies.name), asc(gatePolicies.id));
  const policies = await (page ? policyQuery.limit(page.limit + 1) : policyQuery);
  if (!policies.length) return [];
  const versions = await db
    .select()
    .from(gatePolicyVersions)
    .where(
      inArray(
        gatePolicyVersions.policyId,
        policies.map((policy) => policy.id),
      ),
    )
    .orderBy(desc(gatePolicyVersions.version));
  return policies.flatMap((policy) => {
    const version = versions.find((v) => v.policyId === policy.id);
    if (!version) return [];
    return [
      {
        id: policy.id,
        name: policy.name,
        description: policy.description,
        version: version.version,
        versionId: version.id,
        isDefault: policy.id === fallback.policyId,
        languages: knownLanguages(version.languages),
        // Name and objectives in the reader's language (the source without one); every language's in `translations`.
        gates: [...version.gates]
          .sort((a, b) => b.number - a.number)
          .map((g) => ({
            number: g.number,
            ...localizeFields(
              { name: g.name, objectives: g.objectives },
              g.translations,
              knownLanguages(version.languages)[0],
              reader,
            ).texts,
            translations: g.translations ?? {},
          })),
      },
    ];
  });
}
export type PublishedPolicy = Awaited<ReturnType<typeof listPublishedPolicies>>[number];
