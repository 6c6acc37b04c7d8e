// Demo projects at different gates, with the earlier gates passed the way the workflow would.
import { and, eq, gt } from "drizzle-orm";
import { type Tx, first, one } from "@/db/client";
import {
  artifactReviews,
  artifacts,
  artifactVersions,
  clientOrganizations,
  gateBoardMembers,
  gateDecisions,
  gates,
  gateVotes,
  projectMembers,
  projects,
  users,
  type PolicyGate,
  type Project,
  type ProjectRole,
  type SizeClass,
} from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { instantiateGates } from "@/lib/data/gate-setup";
import type { DemoOrg } from "./accounts";
import { inOrder } from "@/lib/in-order";
import type { Locale } from "@/lib/i18n/locale";

type User = typeof users.$inferSelect;

export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const instantDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

export type DemoProjectSpec = {
  key: string;
  org: DemoOrg;
  name: string;
  description: string;
  modules: string[];
  sizeClass: SizeClass;
  startInDays: number;
  goLiveInDays: number;
  currentGate: number;
  status?: Project["status"];
  members: [email: string, role: ProjectRole][];
  /** Extra board seats on every gate (email → required). */
  board?: [email: string, required: boolean][];
  /** The policy the project runs on: the light-gating policy unless said otherwise. */
  policy?: "six_step";
  /** The client's language (status reports, go-live statement): English unless said otherwise. */
  language?: Locale;
};

export const DEMO_PROJECTS: DemoProjectSpec[] = [
  {
    key: "nordlicht-residential",
    org: "nordlicht",
    name: "Nordlicht residential billing MVP",
    description:
      "Replace the legacy residential electricity billing with the SaaS platform: tariffs, meter-to-cash, e-invoicing.",
    modules: ["Rating & charging", "Invoicing", "Customer care", "Meter data"],
    sizeClass: "standard",
    startInDays: -200,
    goLiveInDays: 45,
    currentGate: 4,
    members: [
      ["pm@demo.test", "project_manager"],
      ["engineer@demo.test", "team_member"],
      ["trainer@demo.test", "team_member"],
      ["integrator@demo.test", "integrator"],
      ["owner@demo.test", "client_owner"],
      ["guardian@demo.test", "guardian"],
      ["guardian2@demo.test", "guardian"],
      ["guardian3@demo.test", "guardian"],
      ["viewer@demo.test", "client_viewer"],
      // The Spanish- and Polish-speaking demo accounts (db/seed/accounts.ts): no board seat, no rule changes.
      ["pm.es@demo.test", "integrator"],
      ["pm.pl@demo.test", "integrator"],
    ],
    board: [["board@demo.test", true]],
  },
  {
    key: "nordlicht-sme",
    org: "nordlicht",
    name: "Nordlicht grid fees and SME rollout",
    description: "Grid-fee pass-through and SME contracts on the platform; kicked off this month.",
    modules: ["Rating & charging", "Contract management", "Invoicing"],
    sizeClass: "large",
    startInDays: -10,
    goLiveInDays: 300,
    currentGate: 7,
    members: [
      ["pm@demo.test", "project_manager"],
      ["engineer@demo.test", "team_member"],
      ["owner@demo.test", "client_owner"],
      ["viewer@demo.test", "client_viewer"],
    ],
    board: [["board@demo.test", true]],
  },
  {
    key: "nordlicht-emobility",
    org: "nordlicht",
    name: "Nordlicht e-mobility charging",
    description: "Charging-session billing for public charge points; live since spring.",
    modules: ["Rating & charging", "Payments"],
    sizeClass: "small",
    startInDays: -420,
    goLiveInDays: -120,
    currentGate: 2,
    status: "live",
    members: [
      ["pm2@demo.test", "project_manager"],
      ["engineer@demo.test", "team_member"],
      ["owner@demo.test", "client_owner"],
      ["guardian@demo.test", "guardian"],
      ["viewer@demo.test", "client_viewer"],
    ],
  },
  {
    key: "aquavale-metering",
    org: "aquavale",
    name: "AquaVale water metering billing",
    description: "Volumetric water billing with smart-meter reads and sewerage charges.",
    modules: ["Rating & charging", "Meter data", "Invoicing", "Collections"],
    sizeClass: "standard",
    startInDays: -120,
    goLiveInDays: 150,
    currentGate: 5,
    members: [
      ["pm@demo.test", "project_manager"],
      ["engineer@demo.test", "team_member"],
      ["owner@other.demo.test", "client_owner"],
      ["viewer@other.demo.test", "client_viewer"],
    ],
    board: [["board@demo.test", false]],
  },
  {
    // Runs on the six-step rollout (DESIGN.md §4b): steps 6 and 5 passed, the work plan in progress.
    key: "aquavale-wastewater",
    org: "aquavale",
    name: "AquaVale wastewater and trade-effluent billing",
    description:
      "Sewerage and trade-effluent charges for business customers, rolled out in the six steps AquaVale's " +
      "procurement asked for.",
    modules: ["Rating & charging", "Invoicing", "Customer portal"],
    sizeClass: "standard",
    startInDays: -90,
    goLiveInDays: 150,
    currentGate: 4,
    policy: "six_step",
    members: [
      ["pm@demo.test", "project_manager"],
      ["engineer@demo.test", "team_member"],
      ["owner@other.demo.test", "client_owner"],
      ["viewer@other.demo.test", "client_viewer"],
    ],
  },
  {
    key: "meridian-prepaid",
    org: "meridian",
    // A Spanish client: its reports and its go-live statement are in Spanish.
    language: "es",
    name: "Meridian prepaid mobile charging",
    description: "Real-time charging for prepaid mobile subscribers, with top-ups through the payment gateway.",
    modules: ["Online charging", "Payments", "Customer care", "Mediation"],
    sizeClass: "large",
    startInDays: -60,
    goLiveInDays: 240,
    currentGate: 6,
    members: [
      ["pm2@demo.test", "project_manager"],
      ["integrator@demo.test", "integrator"],
      ["owner@meridian.demo.test", "client_owner"],
      ["viewer@meridian.demo.test", "client_viewer"],
    ],
    board: [["board@demo.test", true]],
  },
  {
    key: "meridian-wholesale",
    org: "meridian",
    // A Spanish client: its reports and its go-live statement are in Spanish.
    language: "es",
    name: "Meridian wholesale interconnect",
    description: "Interconnect settlement between carriers.",
    modules: ["Mediation", "Settlement"],
    sizeClass: "small",
    startInDays: -300,
    goLiveInDays: 20,
    currentGate: 3,
    members: [
      ["pm@demo.test", "project_manager"],
      ["engineer@demo.test", "team_member"],
      ["owner@meridian.demo.test", "client_owner"],
    ],
  },
  {
    key: "helios-migration",
    org: "helios",
    name: "Helios gas retail migration",
    description: "Migration of gas retail customers from the legacy CIS; paused while the client re-plans its tender.",
    modules: ["Rating & charging", "Invoicing", "Migration"],
    sizeClass: "standard",
    startInDays: -150,
    goLiveInDays: 90,
    currentGate: 5,
    status: "on_hold",
    members: [
      ["pm2@demo.test", "project_manager"],
      ["engineer@demo.test", "team_member"],
      ["owner@helios.demo.test", "client_owner"],
    ],
  },
];

/**
 * Passes a gate the way the workflow would: versions submitted, approved (by a board member
 * holding the role the policy names as approver, when it names one), votes, a go decision.
 */
async function passGate(
  tx: Tx,
  project: Project,
  gate: typeof gates.$inferSelect,
  ctx: RequestContext,
  author: User,
  daysAgo: number,
  template?: PolicyGate,
) {
  const board = await tx.select().from(gateBoardMembers).where(eq(gateBoardMembers.gateId, gate.id));
  const defaultReviewer = board.find((b) => b.userId !== author.id) ?? board[0];
  const members = await tx.select().from(projectMembers).where(eq(projectMembers.projectId, project.id));
  const reviewerOf = (type: string) => {
    const roles = template?.artifactTypes.find((t) => t.key === type)?.approverRoles ?? [];
    const holder = board.find(
      (b) => b.userId !== author.id && members.some((m) => m.userId === b.userId && roles.includes(m.role)),
    );
    return holder ?? defaultReviewer;
  };
  const reviewer = defaultReviewer;
  for (const artifact of await tx.select().from(artifacts).where(eq(artifacts.gateId, gate.id))) {
    const approver = reviewerOf(artifact.type);
    const version = await one(
      tx
        .insert(artifactVersions)
        .values({
          artifactId: artifact.id,
          number: 1,
          kind: "markdown",
          markdown: `# ${artifact.title}\n\n${project.name}: agreed with the client and filed.`,
          submittedBy: author.id,
          submittedAt: instantDaysAgo(daysAgo + 3),
        })
        .returning(),
    );
    if (approver) {
      await tx.insert(artifactReviews).values({
        artifactId: artifact.id,
        versionId: version.id,
        reviewerId: approver.userId,
        decision: "approve",
        comment: "Approved.",
        at: instantDaysAgo(daysAgo + 1),
      });
    }
    await tx.update(artifacts).set({ status: "approved", ownerId: author.id }).where(eq(artifacts.id, artifact.id));
  }
  for (const seat of board) {
    await tx.insert(gateVotes).values({
      gateId: gate.id,
      round: 1,
      userId: seat.userId,
      vote: "go",
      rationale: "Objectives met.",
      castAt: instantDaysAgo(daysAgo),
      updatedAt: instantDaysAgo(daysAgo),
    });
  }
  const decider = reviewer?.userId ?? author.id;
  await tx.insert(gateDecisions).values({
    gateId: gate.id,
    round: 1,
    decision: "go",
    rationale: "All required artifacts approved; board agrees.",
    decidedBy: decider,
    decidedAt: instantDaysAgo(daysAgo),
  });
  await tx
    .update(gates)
    .set({
      status: "go",
      decision: "go",
      decisionRationale: "All required artifacts approved; board agrees.",
      decidedBy: decider,
      decidedAt: instantDaysAgo(daysAgo),
      submittedAt: instantDaysAgo(daysAgo + 2),
      submittedBy: author.id,
      plannedDate: daysFromNow(-daysAgo),
    })
    .where(eq(gates.id, gate.id));
  await recordAudit(tx, ctx, {
    action: "gate.decide",
    objectType: "gate",
    objectId: gate.id,
    projectId: project.id,
    after: { number: gate.number, decision: "go" },
  });
}

export async function seedProject(
  tx: Tx,
  spec: DemoProjectSpec,
  orgs: Record<DemoOrg, typeof clientOrganizations.$inferSelect>,
  accounts: Record<string, User>,
  policy: { id: string; gates: PolicyGate[] },
): Promise<Project> {
  const pm = accounts[spec.members.find(([, role]) => role === "project_manager")![0]];
  const ctx: RequestContext = { actor: { ...pm, organizationId: null }, ip: null, userAgent: "demo seed" };
  let project = await one(
    tx
      .insert(projects)
      .values({
        organizationId: orgs[spec.org].id,
        name: spec.name,
        description: spec.description,
        modules: spec.modules,
        sowReference: `SOW-${spec.key.toUpperCase().slice(0, 8)}-2026`,
        startDate: daysFromNow(spec.startInDays),
        targetGoLiveDate: daysFromNow(spec.goLiveInDays),
        sizeClass: spec.sizeClass,
        language: spec.language ?? "en",
        policyVersionId: policy.id,
        dayRate: 95_000,
        fixedSprintAmount: 2_400_000,
        billingMode: spec.sizeClass === "small" ? "fixed_per_sprint" : "per_day",
        internalNotes: "Vendor-internal: margin target 22%; keep the client's CFO in the loop on change requests.",
      })
      .returning(),
  );
  await tx
    .insert(projectMembers)
    .values(spec.members.map(([email, role]) => ({ projectId: project.id, userId: accounts[email].id, role })));
  await instantiateGates(tx, project, policy.gates);
  const projectGates = await tx.select().from(gates).where(eq(gates.projectId, project.id));
  for (const [email, required] of spec.board ?? []) {
    await tx
      .insert(gateBoardMembers)
      .values(projectGates.map((g) => ({ gateId: g.id, userId: accounts[email].id, required })))
      .onConflictDoNothing();
  }
  await recordAudit(tx, ctx, {
    action: "project.create",
    objectType: "project",
    objectId: project.id,
    projectId: project.id,
    after: { name: spec.name },
  });

  const author = accounts[spec.members.find(([, r]) => r === "team_member")?.[0] ?? pm.email];
  const passed = projectGates.filter((g) => g.number > spec.currentGate).sort((a, b) => b.number - a.number);
  const span = Math.max(1, -spec.startInDays);
  await inOrder(
    passed,
    async (gate, i) =>
      await passGate(
        tx,
        project,
        gate,
        ctx,
        author,
        Math.round(span - ((i + 1) * span) / (passed.length + 1)),
        policy.gates.find((g) => g.number === gate.number),
      ),
  );
  // Plan the remaining gates evenly until the target go-live.
  const remaining = projectGates.filter((g) => g.number <= spec.currentGate).sort((a, b) => b.number - a.number);
  await inOrder(remaining, async (gate, i) => {
    const days = Math.round((Math.max(spec.goLiveInDays, 14) * (i + 1)) / remaining.length);
    await tx
      .update(gates)
      .set({ plannedDate: daysFromNow(days) })
      .where(eq(gates.id, gate.id));
  });
  project = await one(
    tx
      .update(projects)
      .set({ currentGate: spec.currentGate, status: spec.status ?? "active" })
      .where(eq(projects.id, project.id))
      .returning(),
  );
  return project;
}

export async function gateOf(tx: Tx, projectId: string, number: number) {
  return (await first(
    tx
      .select()
      .from(gates)
      .where(and(eq(gates.projectId, projectId), eq(gates.number, number))),
  ))!;
}

export async function laterGates(tx: Tx, projectId: string, number: number) {
  return await tx
    .select()
    .from(gates)
    .where(and(eq(gates.projectId, projectId), gt(gates.number, number)));
}
