import { desc, eq } from "drizzle-orm";
import { type DbOrTx, first, one, transaction } from "@/db/client";
import { gatePolicies, gatePolicyVersions, type PolicyGate } from "@/db/schema";
import { knownLanguages } from "@/lib/domain/localized-text";
import { DEFAULT_POLICY_GATES, DEFAULT_POLICY_NAME } from "@/lib/domain/default-policy";
import { TEMPLATE_LANGUAGES, translatedLightGating, translatedSixStep } from "@/lib/domain/policy-translations";
import { SIX_STEP_POLICY_DESCRIPTION, SIX_STEP_POLICY_GATES, SIX_STEP_POLICY_NAME } from "@/lib/domain/six-step-policy";

/** The policy templates every installation starts with (DESIGN.md §4 and §4b), in English, Spanish and Polish. */
export const POLICY_TEMPLATES = [
  {
    name: DEFAULT_POLICY_NAME,
    description: "Gates 7 → 1 for every client rollout.",
    gates: translatedLightGating(DEFAULT_POLICY_GATES),
  },
  {
    name: SIX_STEP_POLICY_NAME,
    description: SIX_STEP_POLICY_DESCRIPTION,
    gates: translatedSixStep(SIX_STEP_POLICY_GATES),
  },
] as const;

/** A policy's latest published version, if it has one. */
export async function latestPolicyVersion(db: DbOrTx, policyId: string) {
  return await first(
    db
      .select()
      .from(gatePolicyVersions)
      .where(eq(gatePolicyVersions.policyId, policyId))
      .orderBy(desc(gatePolicyVersions.version))
      .limit(1),
  );
}

/** A template's latest published version, creating the policy and its version 1 the first time. */
async function templateVersion(db: DbOrTx, template: (typeof POLICY_TEMPLATES)[number]) {
  const published = await latestTemplateVersion(db, template);
  if (published) return published;
  // Created once, by the first caller; inside a transaction this is a savepoint of it.
  return await transaction(
    db,
    async (tx) => (await latestTemplateVersion(tx, template)) ?? (await createTemplateVersion(tx, template)),
  );
}

async function latestTemplateVersion(db: DbOrTx, template: (typeof POLICY_TEMPLATES)[number]) {
  const policy = await first(db.select().from(gatePolicies).where(eq(gatePolicies.name, template.name)));
  return policy ? await latestPolicyVersion(db, policy.id) : undefined;
}

async function createTemplateVersion(db: DbOrTx, template: (typeof POLICY_TEMPLATES)[number]) {
  let policy = await first(db.select().from(gatePolicies).where(eq(gatePolicies.name, template.name)));
  if (!policy) {
    policy = await one(
      db.insert(gatePolicies).values({ name: template.name, description: template.description }).returning(),
    );
  }
  const latest = await latestPolicyVersion(db, policy.id);
  if (latest) return latest;
  return await one(
    db
      .insert(gatePolicyVersions)
      .values({
        policyId: policy.id,
        version: 1,
        gates: template.gates satisfies PolicyGate[],
        languages: TEMPLATE_LANGUAGES,
        publishedAt: new Date().toISOString(),
        note: "Initial policy",
      })
      .returning(),
  );
}

/** The default policy's latest published version, created from the seed the first time. */
export async function currentDefaultPolicyVersion(db: DbOrTx) {
  return await templateVersion(db, POLICY_TEMPLATES[0]);
}

/** The six-step rollout's latest published version, created from the seed the first time. */
export async function currentSixStepPolicyVersion(db: DbOrTx) {
  return await templateVersion(db, POLICY_TEMPLATES[1]);
}

/** Makes sure every template policy exists with at least its version 1. */
export async function ensurePolicyTemplates(db: DbOrTx) {
  for (const template of POLICY_TEMPLATES) await templateVersion(db, template);
}

/** The gates of a project's policy version (empty when the project has none). */
export async function policyGatesOf(db: DbOrTx, policyVersionId: string | null): Promise<PolicyGate[]> {
  return (await policyVersionTextsOf(db, policyVersionId)).gates;
}

/** The gates of a project's policy version and the language its texts are written in (its first). */
export async function policyVersionTextsOf(db: DbOrTx, policyVersionId: string | null) {
  const row = policyVersionId
    ? await first(
        db
          .select({ gates: gatePolicyVersions.gates, languages: gatePolicyVersions.languages })
          .from(gatePolicyVersions)
          .where(eq(gatePolicyVersions.id, policyVersionId)),
      )
    : undefined;
  return { gates: row?.gates ?? [], sourceLanguage: knownLanguages(row?.languages)[0] };
}

/** The highest gate number of any policy's latest version: the gates a quality activity can precede. */
export async function highestGateNumber(db: DbOrTx): Promise<number> {
  const latest = new Map<string, { version: number; gates: PolicyGate[] }>();
  for (const v of await db
    .select({
      policyId: gatePolicyVersions.policyId,
      version: gatePolicyVersions.version,
      gates: gatePolicyVersions.gates,
    })
    .from(gatePolicyVersions)) {
    if ((latest.get(v.policyId)?.version ?? 0) < v.version) latest.set(v.policyId, v);
  }
  return Math.max(1, ...[...latest.values()].flatMap((v) => v.gates.map((g) => g.number)));
}
