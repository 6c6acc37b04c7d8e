// Demo data for the gate workflow: Meridian prepaid's gate 6 is in review, so board@demo.test
// finds a vote and two artifact versions waiting in "My reviews".
import { and, eq } from "drizzle-orm";
import { type Tx, first, one } from "@/db/client";
import { artifactReviews, artifacts, artifactVersions, gates, gateVotes } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import type { DemoSeeder } from "./demo";

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

export const seedGates: DemoSeeder = async (tx: Tx, world) => {
  const project = world.projects["meridian-prepaid"];
  const pm = world.accounts["pm2@demo.test"];
  const board = world.accounts["board@demo.test"];
  if (!project || !pm || !board) return;
  const ctx: RequestContext = {
    actor: { id: pm.id, email: pm.email, name: pm.name, role: pm.role, organizationId: null },
    ip: null,
    userAgent: "demo seed",
  };
  const gate = await first(
    tx
      .select()
      .from(gates)
      .where(and(eq(gates.projectId, project.id), eq(gates.number, 6))),
  );
  if (!gate) return;
  const texts: Record<string, string> = {
    mvp_scope:
      "# MVP scope\n\n- Configuration: prepaid balances, bundles, top-up rules\n- Interconnection: payment " +
      "gateway, mediation feed\n- Localization: Spanish invoices and notifications",
    release_roadmap:
      "# Release roadmap\n\n1. MVP: prepaid top-ups and bundle rating\n2. Release 2: roaming and loyalty",
    integration_concept_diagram:
      "# Integration concept\n\nDrawn from the integration registry: CRM, payment gateway, mediation, mobile app.",
  };
  for (const artifact of await tx.select().from(artifacts).where(eq(artifacts.gateId, gate.id))) {
    const version = await one(
      tx
        .insert(artifactVersions)
        .values({
          artifactId: artifact.id,
          number: 1,
          kind: "markdown",
          markdown: texts[artifact.type] ?? `# ${artifact.title}`,
          submittedBy: pm.id,
          submittedAt: hoursAgo(30),
        })
        .returning(),
    );
    // The roadmap is already approved; the other two wait for the board.
    const approved = artifact.type === "release_roadmap";
    if (approved) {
      await tx.insert(artifactReviews).values({
        artifactId: artifact.id,
        versionId: version.id,
        reviewerId: board.id,
        decision: "approve",
        comment: "Matches the SOW.",
        at: hoursAgo(20),
      });
    }
    await tx
      .update(artifacts)
      .set({ status: approved ? "approved" : "submitted", ownerId: pm.id, version: artifact.version + 1 })
      .where(eq(artifacts.id, artifact.id));
    await recordAudit(tx, ctx, {
      action: "artifact.version.add",
      objectType: "artifact",
      objectId: artifact.id,
      projectId: project.id,
      after: { status: "submitted", version: 1, kind: "markdown", title: artifact.title },
    });
  }
  await tx
    .update(gates)
    .set({ status: "in_review", submittedAt: hoursAgo(18), submittedBy: pm.id, version: gate.version + 1 })
    .where(eq(gates.id, gate.id));
  await recordAudit(tx, ctx, {
    action: "gate.submit",
    objectType: "gate",
    objectId: gate.id,
    projectId: project.id,
    after: { number: 6, status: "in_review", round: 1 },
  });
  await tx.insert(gateVotes).values({
    gateId: gate.id,
    round: 1,
    userId: pm.id,
    vote: "go",
    rationale: "Scope and roadmap baselined with the client.",
    castAt: hoursAgo(17),
    updatedAt: hoursAgo(17),
  });
  await recordAudit(tx, ctx, {
    action: "gate.vote",
    objectType: "gate",
    objectId: gate.id,
    projectId: project.id,
    after: { number: 6, round: 1, vote: "go" },
  });
};
