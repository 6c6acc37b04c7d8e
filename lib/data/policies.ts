// Gate policies for administrators: the versions, which projects use them, and publishing a
// new immutable version. Projects keep the version they were created with (DESIGN.md §2).
import { asc, count, desc, eq } from "drizzle-orm";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { clientOrganizations, gatePolicies, gatePolicyVersions, projects, users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { requireAdministrator } from "@/lib/data/access";
import { adminCommand } from "@/lib/data/command";
import { ensurePolicyTemplates, latestPolicyVersion } from "@/lib/data/policy-versions";
import type { Actor } from "@/lib/domain/permissions";
import { planPublication } from "@/lib/domain/policy";
import { notFound, refused } from "@/lib/errors";
import type { PublishPolicyInput } from "@/lib/validation/policies";

const ADMINS_ONLY = "Only administrators manage gate policies.";

async function projectCounts(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ versionId: projects.policyVersionId, projects: count() })
    .from(projects)
    .groupBy(projects.policyVersionId);
  return new Map(rows.filter((r) => r.versionId).map((r) => [r.versionId as string, r.projects]));
}

/** Every policy with its versions (newest first) and how many projects each version governs. */
export async function listPolicies(db: DbOrTx, actor: Actor) {
  requireAdministrator(actor, ADMINS_ONLY);
  // Make sure the template policies exist even on a fresh, unseeded database.
  await ensurePolicyTemplates(db);
  const counts = await projectCounts(db);
  const policies = await db.select().from(gatePolicies).orderBy(asc(gatePolicies.name));
  const versions = await db
    .select({
      id: gatePolicyVersions.id,
      policyId: gatePolicyVersions.policyId,
      version: gatePolicyVersions.version,
      publishedAt: gatePolicyVersions.publishedAt,
      note: gatePolicyVersions.note,
      publishedBy: users.email,
    })
    .from(gatePolicyVersions)
    .leftJoin(users, eq(users.id, gatePolicyVersions.publishedBy))
    .orderBy(desc(gatePolicyVersions.version));
  return policies.map((policy) => {
    const own = versions.filter((v) => v.policyId === policy.id);
    return {
      ...policy,
      latestVersion: own[0]?.version ?? 0,
      versions: own.map((v) => ({ ...v, projectCount: counts.get(v.id) ?? 0, latest: v === own[0] })),
    };
  });
}

/** One version with its gates, its policy, whether it is the latest, and the projects bound to it. */
export async function getPolicyVersion(db: DbOrTx, actor: Actor, versionId: string) {
  requireAdministrator(actor, ADMINS_ONLY);
  const row = await first(
    db
      .select({ version: gatePolicyVersions, policy: gatePolicies, publishedBy: users.email })
      .from(gatePolicyVersions)
      .innerJoin(gatePolicies, eq(gatePolicies.id, gatePolicyVersions.policyId))
      .leftJoin(users, eq(users.id, gatePolicyVersions.publishedBy))
      .where(eq(gatePolicyVersions.id, versionId)),
  );
  if (!row) throw notFound("This policy version");
  const latest = (await latestPolicyVersion(db, row.policy.id))!;
  const boundProjects = await db
    .select({ id: projects.id, name: projects.name, status: projects.status, organization: clientOrganizations.name })
    .from(projects)
    .innerJoin(clientOrganizations, eq(clientOrganizations.id, projects.organizationId))
    .where(eq(projects.policyVersionId, versionId))
    .orderBy(asc(projects.name))
    .limit(101);
  const projectCount =
    (await first(db.select({ n: count() }).from(projects).where(eq(projects.policyVersionId, versionId))))?.n ?? 0;
  return {
    ...row.version,
    publishedBy: row.publishedBy,
    policy: row.policy,
    latestVersion: latest.version,
    isLatest: latest.version === row.version.version,
    projectCount,
    projects: boundProjects.slice(0, 100),
  };
}
export type PolicyVersionView = Awaited<ReturnType<typeof getPolicyVersion>>;

/**
 * Publishes an edited policy as the next version. Refused (409) when someone published after
 * the version the draft was made from, or when nothing changed; 422 with per-field errors when
 * the draft breaks a policy rule. Existing projects keep their version; new projects get this one.
 */
export async function publishPolicyVersion(db: Db, ctx: RequestContext, input: PublishPolicyInput) {
  return await adminCommand(
    db,
    ctx,
    async ({ tx, audit }) => {
      const policy = await first(tx.select().from(gatePolicies).where(eq(gatePolicies.id, input.policyId)));
      if (!policy) throw notFound("This policy");
      const latest = await latestPolicyVersion(tx, policy.id);
      if (!latest) throw notFound("This policy's versions");
      const plan = planPublication({ latest, basedOn: input.basedOnVersion, draft: input.gates });
      if (!plan.ok) refused(plan.refusal);
      const created = await one(
        tx
          .insert(gatePolicyVersions)
          .values({
            policyId: policy.id,
            version: plan.version,
            gates: plan.gates,
            languages: plan.languages,
            publishedBy: ctx.actor.id,
            publishedAt: new Date().toISOString(),
            note: input.note,
          })
          .returning(),
      );
      audit({
        action: "policy.publish",
        objectType: "gate_policy_version",
        objectId: created.id,
        before: { policy: policy.name, version: latest.version, languages: latest.languages },
        after: {
          policy: policy.name,
          version: created.version,
          languages: created.languages,
          note: input.note,
          changes: plan.changes,
        },
      });
      return { ...created, changes: plan.changes };
    },
    ADMINS_ONLY,
  );
}
