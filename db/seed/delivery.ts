// Demo roadmap, sprints, deployments, estimate trail and payment milestones, so the delivery
// pages and charts tell a story on first start. Runs FIRST among the capability seeders: the
// quality seeder attaches selections/evidence to these sprints and go-live reads the scope.
//
// Fixed sprint numbers per project (the quality seeder relies on them):
//   nordlicht-residential  1 accepted (paid) · 2 accepted (paid) · 3 rejected · 4 accepted (invoiced)
//                          5 accepted (billable) · 6 in_review · 7 active · 8 planned
//   nordlicht-emobility    1–4 accepted (paid)               (live project)
//   aquavale-metering      1 accepted (paid) · 2 accepted (billable) · 3 active   (fixed price per sprint)
//   meridian-prepaid       scope proposed, no baseline yet, no sprints          (awaits the client owner)
import { and, eq } from "drizzle-orm";
import { type Tx, first, one } from "@/db/client";
import {
  estimateSnapshots,
  paymentMilestones,
  projectMembers,
  projects,
  releases,
  scopeBaselines,
  scopeChanges,
  scopeItems,
  sprintDeployments,
  sprints,
  type MOSCOW,
  type Project,
  type SCOPE_CATEGORIES,
  type SPRINT_STATUSES,
} from "@/db/schema";
import { addDays, estimate, type AcceptedSprint } from "@/lib/domain/estimate";
import { milestoneAmount } from "@/lib/domain/billing";
import type { DemoSeeder, DemoWorld } from "./demo";
import { daysFromNow } from "./portfolio";
import { inOrder } from "@/lib/in-order";

type Category = (typeof SCOPE_CATEGORIES)[number];
type Priority = (typeof MOSCOW)[number];
type SprintStatus = (typeof SPRINT_STATUSES)[number];
type ItemSpec = [title: string, category: Category, priority: Priority, days: number, release: 1 | 2];
type SprintSpec = {
  status: SprintStatus;
  goal: string;
  items: number;
  capacity: number;
  milestone?: "billable" | "invoiced" | "paid";
  comment?: string;
};

type DeliverySpec = {
  key: string;
  billing: { mode: "per_day" | "fixed_per_sprint"; dayRate: number; fixed: number };
  releases: [name: string, scope: string][];
  items: ItemSpec[];
  /** Days ago the client owner approved the MVP baseline; null = not approved yet. */
  baselineDaysAgo: number | null;
  sprints: SprintSpec[];
  /** An item added after sprint 2, with its reason. */
  growth?: ItemSpec;
  /** Days ago the first sprint started (sprints are 14 days, back to back). */
  firstSprintDaysAgo: number;
};

const RESIDENTIAL_ITEMS: ItemSpec[] = [
  ["Residential tariff catalogue (single and dual rate)", "configuration", "must", 6, 1],
  ["Grid-fee and levy components", "configuration", "must", 5, 1],
  ["Meter-to-cash billing run", "configuration", "must", 8, 1],
  ["Dunning levels and reminders", "configuration", "should", 4, 1],
  ["E-invoice (XRechnung) output", "localization", "must", 5, 1],
  ["German VAT and rounding rules", "localization", "must", 3, 1],
  ["Invoice templates in German", "localization", "should", 3, 1],
  ["Meter data import from MDM (daily)", "interconnection", "must", 7, 1],
  ["SAP FI-CA posting interface", "interconnection", "must", 8, 1],
  ["Customer portal single sign-on", "interconnection", "should", 5, 1],
  ["Payment gateway (SEPA direct debit)", "interconnection", "must", 6, 1],
  ["Residential customer migration rehearsal", "migration", "must", 6, 1],
  ["Open items migration", "migration", "must", 4, 1],
  ["Guardian training: billing operations", "training", "must", 3, 1],
  ["Revenue and unbilled reports", "reporting", "should", 4, 1],
  ["Regulatory reporting (BNetzA)", "reporting", "must", 4, 1],
  ["Call-centre dashboard", "reporting", "could", 3, 1],
  ["Heat-pump tariffs", "configuration", "should", 5, 2],
  ["Time-of-use tariffs for smart meters", "configuration", "could", 8, 2],
  ["SME contract migration", "migration", "should", 10, 2],
  ["Self-service move-in / move-out", "other", "could", 6, 2],
  ["Paper invoice print house link", "interconnection", "wont", 4, 2],
];

const SPECS: DeliverySpec[] = [
  {
    key: "nordlicht-residential",
    billing: { mode: "per_day", dayRate: 95_000, fixed: 0 },
    releases: [
      [
        "MVP: residential meter-to-cash",
        "Residential electricity customers billed on the platform: tariffs, billing run, e-invoices, SAP " +
          "postings, SEPA.",
      ],
      ["Release 2: heat pumps and SME", "Heat-pump and time-of-use tariffs, SME contract migration, self-service."],
    ],
    items: RESIDENTIAL_ITEMS,
    growth: ["Plain-language dunning letters", "localization", "should", 4, 1],
    baselineDaysAgo: 125,
    firstSprintDaysAgo: 103,
    sprints: [
      {
        status: "accepted",
        goal: "Tariff catalogue and VAT rules in production",
        items: 2,
        capacity: 10,
        milestone: "paid",
        comment: "Tariffs match the price sheet.",
      },
      {
        status: "accepted",
        goal: "First billing run and German invoice templates",
        items: 3,
        capacity: 16,
        milestone: "paid",
        comment: "Invoices look right; dunning can follow.",
      },
      {
        status: "rejected",
        goal: "Meter data import and e-invoice output",
        items: 0,
        capacity: 14,
        comment: "E-invoices fail the XRechnung validator; the MDM import drops night-rate reads.",
      },
      {
        status: "accepted",
        goal: "Meter data import and e-invoice output (rework)",
        items: 2,
        capacity: 14,
        milestone: "invoiced",
        comment: "Validator passes now. Thank you.",
      },
      {
        status: "accepted",
        goal: "SAP postings and SEPA direct debit",
        items: 2,
        capacity: 16,
        milestone: "billable",
        comment: "Postings reconciled with FI-CA for the test month.",
      },
      { status: "in_review", goal: "Migration rehearsal and guardian training", items: 2, capacity: 12 },
      { status: "active", goal: "Regulatory reporting and portal single sign-on", items: 2, capacity: 10 },
      { status: "planned", goal: "Dunning and revenue reports", items: 2, capacity: 10 },
    ],
  },
  {
    key: "nordlicht-emobility",
    billing: { mode: "per_day", dayRate: 90_000, fixed: 0 },
    releases: [["MVP: charging-session billing", "Roaming CDRs rated and invoiced monthly to e-mobility customers."]],
    items: [
      ["Charging tariffs (AC/DC, roaming)", "configuration", "must", 5, 1],
      ["CDR import from the charge-point backend", "interconnection", "must", 6, 1],
      ["Monthly session invoice", "configuration", "must", 4, 1],
      ["Fleet customer statements", "reporting", "should", 3, 1],
      ["Guardian training", "training", "must", 2, 1],
      ["Card payment", "interconnection", "must", 4, 1],
    ],
    baselineDaysAgo: 170,
    firstSprintDaysAgo: 150,
    sprints: [
      {
        status: "accepted",
        goal: "Tariffs and CDR import",
        items: 2,
        capacity: 12,
        milestone: "paid",
        comment: "Accepted.",
      },
      {
        status: "accepted",
        goal: "Session invoice and card payment",
        items: 2,
        capacity: 10,
        milestone: "paid",
        comment: "Accepted.",
      },
      { status: "accepted", goal: "Fleet statements", items: 1, capacity: 6, milestone: "paid", comment: "Accepted." },
      {
        status: "accepted",
        goal: "Guardian training and go-live hardening",
        items: 1,
        capacity: 6,
        milestone: "paid",
        comment: "Ready for go-live.",
      },
    ],
  },
  {
    key: "aquavale-metering",
    billing: { mode: "fixed_per_sprint", dayRate: 0, fixed: 1_200_000 },
    releases: [
      ["MVP: water metering and billing", "Quarterly water bills from AMR reads, sewage charges, payment plans."],
    ],
    items: [
      ["Water and sewage tariffs", "configuration", "must", 5, 1],
      ["AMR read import", "interconnection", "must", 6, 1],
      ["Quarterly billing run", "configuration", "must", 6, 1],
      ["Payment plans", "configuration", "should", 4, 1],
      ["Customer migration from the legacy CIS", "migration", "must", 9, 1],
      ["Welsh-language invoices", "localization", "must", 3, 1],
    ],
    baselineDaysAgo: 60,
    firstSprintDaysAgo: 33,
    sprints: [
      {
        status: "accepted",
        goal: "Tariffs and Welsh invoices",
        items: 2,
        capacity: 10,
        milestone: "paid",
        comment: "Good.",
      },
      {
        status: "accepted",
        goal: "AMR import",
        items: 1,
        capacity: 8,
        milestone: "billable",
        comment: "Reads load cleanly.",
      },
      { status: "active", goal: "Quarterly billing run", items: 1, capacity: 8 },
    ],
  },
  {
    key: "meridian-prepaid",
    billing: { mode: "per_day", dayRate: 88_000, fixed: 0 },
    releases: [["MVP: prepaid mobile top-ups", "Prepaid balances, top-up channels and bundle rating."]],
    items: [
      ["Prepaid balance and expiry rules", "configuration", "must", 6, 1],
      ["Top-up via retail vouchers", "interconnection", "must", 5, 1],
      ["Bundle rating (data, voice, SMS)", "configuration", "must", 9, 1],
      ["USSD balance enquiry", "interconnection", "should", 4, 1],
      ["Subscriber migration", "migration", "must", 8, 1],
    ],
    baselineDaysAgo: null,
    firstSprintDaysAgo: 0,
    sprints: [],
  },
];

const instant = (daysAgo: number, hour = 10) => {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
const SPRINT_DAYS = 14;

async function seedProjectDelivery(tx: Tx, world: DemoWorld, project: Project, spec: DeliverySpec) {
  const memberWith = async (role: "project_manager" | "client_owner") =>
    await first(
      tx
        .select({ userId: projectMembers.userId })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.role, role))),
    );
  const pm = await memberWith("project_manager");
  const owner = await memberWith("client_owner");
  const engineer = world.accounts["engineer@demo.test"];
  if (!pm) return;
  const approverId = owner?.userId ?? pm.userId;
  const terms = {
    billingMode: spec.billing.mode,
    dayRate: spec.billing.dayRate,
    fixedSprintAmount: spec.billing.fixed,
  };
  await tx.update(projects).set(terms).where(eq(projects.id, project.id));
  const billing = { mode: spec.billing.mode, dayRate: spec.billing.dayRate, fixedSprintAmount: spec.billing.fixed };

  const releaseRows = await inOrder(
    spec.releases,
    async ([name, scope], i) =>
      await one(
        tx
          .insert(releases)
          .values({
            projectId: project.id,
            number: i + 1,
            name,
            scope,
            targetDate: i === 0 ? project.targetGoLiveDate : addDays(project.targetGoLiveDate, 120),
          })
          .returning(),
      ),
  );
  const createdDaysAgo = (spec.baselineDaysAgo ?? 10) + 15;
  const items = await inOrder(spec.items, async ([title, category, priority, estimateDays, release], i) => {
    const createdAt = instant(createdDaysAgo, 8 + (i % 8));
    const item = await one(
      tx
        .insert(scopeItems)
        .values({
          projectId: project.id,
          releaseId: releaseRows[release - 1].id,
          title,
          category,
          priority,
          estimateDays,
          status: spec.baselineDaysAgo === null ? "proposed" : "planned",
          createdAt,
          updatedAt: createdAt,
        })
        .returning(),
    );
    await tx.insert(scopeChanges).values({
      projectId: project.id,
      scopeItemId: item.id,
      change: "added",
      after: { title, category, priority, estimateDays },
      reason: "Initial scope from the implementation concept",
      actorId: pm.userId,
      at: createdAt,
    });
    return item;
  });

  const mvpItems = items.filter((i) => i.releaseId === releaseRows[0].id && i.priority !== "wont");
  // The forecast is the MVP go-live: only release 1 counts (as in lib/data/estimates).
  let total = mvpItems.reduce((a, i) => a + i.estimateDays, 0);
  let done = 0;
  let billed = 0;
  const history: AcceptedSprint[] = [];
  const snapshot = async (
    kind: "baseline" | "sprint_close",
    sprintId: string | null,
    asOf: string,
    takenAt: string,
  ) => {
    const e = estimate({
      totalDays: total,
      doneDays: done,
      acceptedSprints: history,
      plannedCapacityDays: 12,
      asOf,
      targetGoLive: project.targetGoLiveDate,
      billing,
      billedCents: billed,
    });
    await tx.insert(estimateSnapshots).values({
      projectId: project.id,
      sprintId,
      kind,
      takenAt,
      doneDays: e.doneDays,
      remainingDays: e.remainingDays,
      velocityDaysPerSprint: e.velocityDaysPerSprint,
      forecastGoLive: e.forecastGoLive,
      forecastGoLiveEarliest: e.forecastGoLiveEarliest,
      forecastGoLiveLatest: e.forecastGoLiveLatest,
      forecastCost: e.forecastCost,
      currency: project.currency,
    });
  };

  if (spec.baselineDaysAgo !== null) {
    const approvedAt = instant(spec.baselineDaysAgo, 15);
    const baselineItems = mvpItems.map((i) => ({
      id: i.id,
      title: i.title,
      category: i.category,
      priority: i.priority,
      estimateDays: i.estimateDays,
    }));
    await tx.insert(scopeBaselines).values({
      projectId: project.id,
      version: 1,
      items: baselineItems,
      totalDays: baselineItems.reduce((a, i) => a + i.estimateDays, 0),
      approvedBy: approverId,
      approvedAt,
    });
    await snapshot("baseline", null, approvedAt.slice(0, 10), approvedAt);
  }

  // Items are pulled into sprints in backlog order (MVP musts first); a rejected sprint's
  // items go back and are taken by the rework sprint, so it commits none of its own.
  const backlog = [...mvpItems].sort((a, b) => "msc".indexOf(a.priority[0]) - "msc".indexOf(b.priority[0]));
  let cursor = 0;
  await inOrder(spec.sprints, async (s, index) => {
    const startDate = daysFromNow(-spec.firstSprintDaysAgo + index * SPRINT_DAYS);
    const endDate = addDays(startDate, SPRINT_DAYS - 1);
    const committed =
      s.status === "rejected" ? backlog.slice(cursor, cursor + 2) : backlog.slice(cursor, cursor + s.items);
    if (s.status !== "rejected") cursor += s.items;
    const days = committed.reduce((a, i) => a + i.estimateDays, 0);
    const decidedAt =
      s.status === "accepted" || s.status === "rejected" ? `${addDays(endDate, 1)}T14:00:00.000Z` : null;
    const sprint = await one(
      tx
        .insert(sprints)
        .values({
          projectId: project.id,
          releaseId: releaseRows[0].id,
          number: index + 1,
          goal: s.goal,
          startDate,
          endDate,
          capacityDays: Math.max(s.capacity, Math.ceil(days * 1.1)),
          status: s.status,
          acceptanceComment: s.comment ?? null,
          decidedBy: decidedAt ? approverId : null,
          decidedAt,
          version:
            1 + ["planned", "active", "in_review", "accepted"].indexOf(s.status === "rejected" ? "accepted" : s.status),
        })
        .returning(),
    );
    if (s.status !== "rejected") {
      const itemStatus = s.status === "accepted" ? "done" : s.status === "planned" ? "planned" : "in_progress";
      for (const item of committed)
        await tx.update(scopeItems).set({ sprintId: sprint.id, status: itemStatus }).where(eq(scopeItems.id, item.id));
    }
    if (s.status !== "planned") {
      const deployments: ["homologation" | "production", number][] =
        s.status === "active"
          ? [["homologation", 6]]
          : s.status === "rejected"
            ? [["homologation", 11]]
            : [
                ["homologation", 10],
                ["production", 12],
              ];
      for (const [environment, offset] of deployments) {
        await tx.insert(sprintDeployments).values({
          sprintId: sprint.id,
          releaseVersion: `2026.${index + 1}.0`,
          environment,
          deployedOn: addDays(startDate, offset),
          recordedBy: engineer.id,
        });
      }
    }
    const amount = milestoneAmount(terms, days);
    const status = s.milestone ?? "pending";
    await tx.insert(paymentMilestones).values({
      projectId: project.id,
      sprintId: sprint.id,
      amount,
      currency: project.currency,
      status,
      invoiceReference:
        status === "invoiced" || status === "paid"
          ? `INV-${project.name.slice(0, 3).toUpperCase()}-${String(index + 1).padStart(3, "0")}`
          : null,
      billableAt: s.milestone ? decidedAt : null,
      invoicedAt: status === "invoiced" || status === "paid" ? `${addDays(endDate, 5)}T09:00:00.000Z` : null,
      paidAt: status === "paid" ? `${addDays(endDate, 30)}T09:00:00.000Z` : null,
      version: 1 + ["pending", "billable", "invoiced", "paid"].indexOf(status),
    });
    if (s.status === "accepted") {
      done += days;
      billed += amount;
      history.push({ deliveredDays: days, startDate, endDate });
      if (index === 1 && spec.growth) {
        // Scope grows as the client learns: a logged change after the baseline (the burn-up shows it).
        const [title, category, priority, estimateDays] = spec.growth;
        const at = `${addDays(endDate, 2)}T10:00:00.000Z`;
        const item = await one(
          tx
            .insert(scopeItems)
            .values({
              projectId: project.id,
              releaseId: releaseRows[0].id,
              title,
              category,
              priority,
              estimateDays,
              status: "planned",
              createdAt: at,
              updatedAt: at,
            })
            .returning(),
        );
        await tx.insert(scopeChanges).values({
          projectId: project.id,
          scopeItemId: item.id,
          change: "added",
          after: { title, category, priority, estimateDays },
          reason: "Requested by the client at the sprint 2 review",
          actorId: pm.userId,
          at,
        });
        total += estimateDays;
      }
      await snapshot("sprint_close", sprint.id, addDays(endDate, 1), decidedAt!);
    }
  });
}

export const seedDelivery: DemoSeeder = async (tx, world) => {
  for (const spec of SPECS) {
    const project = world.projects[spec.key];
    if (project) await seedProjectDelivery(tx, world, project, spec);
  }
};
