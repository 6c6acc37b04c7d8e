// A project on the six-step rollout (DESIGN.md §4b), built through the data layer's own pieces:
// the policy template's version, its gates instantiated with boards seated by role, an audit.
// (Project creation with a policy choice arrives with the project form; until then tests bind here.)
import { eq } from "drizzle-orm";
import { type Db, transaction, first, one } from "@/db/client";
import { projectMembers, projects, type ProjectRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { instantiateGates } from "@/lib/data/gate-setup";
import { currentSixStepPolicyVersion } from "@/lib/data/policy-versions";
import type { Actor } from "@/lib/domain/permissions";
import { ctxFor, makeOrganization, makeUser } from "@/lib/testing/fixtures";

export async function makeSixStepProject(db: Db, pm: Actor, organizationId: string, members: [Actor, ProjectRole][]) {
  return await transaction(db, async (tx) => {
    const policy = await currentSixStepPolicyVersion(tx);
    const highest = Math.max(...policy.gates.map((g) => g.number));
    const project = await one(
      tx
        .insert(projects)
        .values({
          organizationId,
          name: `Six-step ${Math.random().toString(36).slice(2, 8)}`,
          modules: ["Invoicing"],
          sowReference: "SOW-6",
          startDate: "2026-01-01",
          targetGoLiveDate: "2026-12-31",
          sizeClass: "standard",
          policyVersionId: policy.id,
          // The column defaults to 7: a six-step project starts at its highest step.
          currentGate: highest,
        })
        .returning(),
    );
    await tx.insert(projectMembers).values(
      [[pm, "project_manager"] as [Actor, ProjectRole], ...members].map(([actor, role]) => ({
        projectId: project.id,
        userId: actor.id,
        role,
      })),
    );
    await instantiateGates(tx, project, policy.gates);
    await recordAudit(tx, ctxFor(pm), {
      action: "project.create",
      objectType: "project",
      objectId: project.id,
      projectId: project.id,
      after: { name: project.name },
    });
    return (await first(tx.select().from(projects).where(eq(projects.id, project.id))))!;
  });
}

/** PM, engineer, client owner, guardian and viewer on a six-step project, plus another organisation's viewer. */
export async function makeSixStepWorld(db: Db) {
  const org = await makeOrganization(db);
  const otherOrg = await makeOrganization(db);
  const pm = await makeUser(db, "staff");
  const engineer = await makeUser(db, "staff");
  const owner = await makeUser(db, "client", org.id);
  const guardian = await makeUser(db, "client", org.id);
  const viewer = await makeUser(db, "client", org.id);
  const otherViewer = await makeUser(db, "client", otherOrg.id);
  const project = await makeSixStepProject(db, pm, org.id, [
    [engineer, "team_member"],
    [owner, "client_owner"],
    [guardian, "guardian"],
    [viewer, "client_viewer"],
  ]);
  return { org, pm, engineer, owner, guardian, viewer, otherViewer, project };
}
