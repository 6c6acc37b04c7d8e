// A project on the six-step rollout (DESIGN.md §4b), built through the data layer's own pieces:
// the policy template's version, its gates instantiated with boards seated by role, an audit.
// (Project creation with a policy choice arrives with the project form; until then tests bind here.)
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projectMembers, projects, type ProjectRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { instantiateGates } from "@/lib/data/gate-setup";
import { currentSixStepPolicyVersion } from "@/lib/data/policy-versions";
import type { Actor } from "@/lib/domain/permissions";
import { ctxFor, makeOrganization, makeUser } from "@/lib/testing/fixtures";

export function makeSixStepProject(db: Db, pm: Actor, organizationId: string, members: [Actor, ProjectRole][]) {
  return db.transaction(
    (tx) => {
      const policy = currentSixStepPolicyVersion(tx);
      const highest = Math.max(...policy.gates.map((g) => g.number));
      const project = tx
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
        .returning()
        .get();
      tx.insert(projectMembers)
        .values([[pm, "project_manager"] as [Actor, ProjectRole], ...members].map(([actor, role]) => ({ projectId: project.id, userId: actor.id, role })))
        .run();
      instantiateGates(tx, project, policy.gates);
      recordAudit(tx, ctxFor(pm), { action: "project.create", objectType: "project", objectId: project.id, projectId: project.id, after: { name: project.name } });
      return tx.select().from(projects).where(eq(projects.id, project.id)).get()!;
    },
    { behavior: "immediate" },
  );
}

/** PM, engineer, client owner, guardian and viewer on a six-step project, plus another organisation's viewer. */
export function makeSixStepWorld(db: Db) {
  const org = makeOrganization(db);
  const otherOrg = makeOrganization(db);
  const pm = makeUser(db, "staff");
  const engineer = makeUser(db, "staff");
  const owner = makeUser(db, "client", org.id);
  const guardian = makeUser(db, "client", org.id);
  const viewer = makeUser(db, "client", org.id);
  const otherViewer = makeUser(db, "client", otherOrg.id);
  const project = makeSixStepProject(db, pm, org.id, [
    [engineer, "team_member"],
    [owner, "client_owner"],
    [guardian, "guardian"],
    [viewer, "client_viewer"],
  ]);
  return { org, pm, engineer, owner, guardian, viewer, otherViewer, project };
}
