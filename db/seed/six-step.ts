// Demo data for the six-step rollout (DESIGN.md §4b): AquaVale's wastewater project has passed
// its kickoff (step 6) and the "as-is" presentation (step 5); in the work plan (step 4) the
// macro schedule is approved and the detailed schedule waits for the client owner's review.
import { and, eq } from "drizzle-orm";
import { type Tx, first, one } from "@/db/client";
import { artifactReviews, artifacts, artifactVersions, gates } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import type { DemoSeeder } from "./demo";

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

const WORK_PLAN: Record<string, { markdown: string; approved: boolean }> = {
  macro_schedule: {
    markdown:
      "# Macro schedule by module\n\n| module | configuration | homologation | production " +
      "|\n|---|---|---|---|\n| Rating & charging | weeks 1–6 | weeks 7–9 | week 12 |\n| Invoicing | weeks 3–8 " +
      "| weeks 9–10 | week 12 |\n| Customer portal | weeks 5–9 | weeks 10–11 | week 13 |",
    approved: true,
  },
  detailed_schedule: {
    markdown:
      "# Detailed schedule\n\nWeekly plan the client follows: trade-effluent tariff workshops (weeks 1–2), " +
      "consent-volume import rehearsal (week 4), bill layout sign-off (week 6).",
    approved: false,
  },
};

export const seedSixStep: DemoSeeder = async (tx: Tx, world) => {
  const project = world.projects["aquavale-wastewater"];
  const engineer = world.accounts["engineer@demo.test"];
  const owner = world.accounts["owner@other.demo.test"];
  if (!project || !engineer || !owner) return;
  const ctx: RequestContext = {
    actor: { id: engineer.id, email: engineer.email, name: engineer.name, role: engineer.role, organizationId: null },
    ip: null,
    userAgent: "demo seed",
  };
  const ownerCtx: RequestContext = {
    actor: {
      id: owner.id,
      email: owner.email,
      name: owner.name,
      role: owner.role,
      organizationId: owner.organizationId,
    },
    ip: null,
    userAgent: "demo seed",
  };
  const step = await first(
    tx
      .select()
      .from(gates)
      .where(and(eq(gates.projectId, project.id), eq(gates.number, 4))),
  );
  if (!step) return;
  for (const artifact of await tx.select().from(artifacts).where(eq(artifacts.gateId, step.id))) {
    const plan = WORK_PLAN[artifact.type];
    if (!plan) continue;
    const version = await one(
      tx
        .insert(artifactVersions)
        .values({
          artifactId: artifact.id,
          number: 1,
          kind: "markdown",
          markdown: plan.markdown,
          submittedBy: engineer.id,
          submittedAt: hoursAgo(plan.approved ? 70 : 26),
        })
        .returning(),
    );
    await tx
      .update(artifacts)
      .set({ status: "submitted", ownerId: engineer.id, version: artifact.version + 1 })
      .where(eq(artifacts.id, artifact.id));
    await recordAudit(tx, ctx, {
      action: "artifact.version.add",
      objectType: "artifact",
      objectId: artifact.id,
      projectId: project.id,
      after: { status: "submitted", version: 1, kind: "markdown", title: artifact.title },
    });
    if (plan.approved) {
      await tx.insert(artifactReviews).values({
        artifactId: artifact.id,
        versionId: version.id,
        reviewerId: owner.id,
        decision: "approve",
        comment: "Matches the phases we agreed in the as-is presentation.",
        at: hoursAgo(48),
      });
      await tx
        .update(artifacts)
        .set({ status: "approved", version: artifact.version + 2 })
        .where(eq(artifacts.id, artifact.id));
      await recordAudit(tx, ownerCtx, {
        action: "artifact.approve",
        objectType: "artifact",
        objectId: artifact.id,
        projectId: project.id,
        after: { status: "approved", version: 1, comment: "Matches the phases we agreed in the as-is presentation." },
      });
    }
  }
};
