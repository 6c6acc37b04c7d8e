// Demo data for client readiness: sites, guardians in every state, training modules with pass
// marks, past sessions (attendance and scores) and upcoming ones, and a few escalations.
// Statuses are derived with the same domain rule the app uses, so the demo cannot contradict it.
//   nordlicht-residential: guardian@ certified, guardian2@ certified, guardian3@ in training
//     (Administration 55 < 70), Lena nominated, Nils withdrawn; one blocking escalation open.
//   meridian-wholesale (go-live READY): two certified guardians at its only site, nothing open.
//   nordlicht-emobility (live): guardian@ certified; one closed and one triaged escalation.
import { eq } from "drizzle-orm";
import { type Tx, one } from "@/db/client";
import {
  escalations,
  guardians,
  projectMembers,
  sites,
  trainingAttendance,
  trainingMaterials,
  trainingModules,
  trainingSessions,
  users,
  type Project,
  type User,
} from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { deriveGuardianStatus, type GuardianStatus } from "@/lib/domain/guardian";
import type { DemoSeeder, DemoWorld } from "./demo";
import { inOrder } from "@/lib/in-order";

const at = (days: number, hour = 9) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
const ctxOf = (user: User): RequestContext => ({ actor: { ...user }, ip: "192.0.2.10", userAgent: "demo seed" });

type ModuleSpec = {
  key: string;
  kind: "usage" | "administration" | "configuration" | "custom";
  name: string;
  required: boolean;
  passMark: number;
  links?: [string, string][];
};
type GuardianSpec = { email: string; site: string; nominatedDaysAgo: number; withdrawn?: boolean };
type SessionSpec = {
  module: string;
  inDays: number;
  hour?: number;
  minutes?: number;
  site?: string;
  meetingUrl?: string;
  trainer: string;
  /** email → score (number), "absent", or null (enrolled, nothing recorded yet). */
  attendees: Record<string, number | "absent" | null>;
};
type ReadinessSpec = {
  sites: [name: string, location: string][];
  modules: ModuleSpec[];
  guardians: GuardianSpec[];
  sessions: SessionSpec[];
  pm: string;
};

const STANDARD_MODULES: ModuleSpec[] = [
  {
    key: "usage",
    kind: "usage",
    name: "Usage",
    required: true,
    passMark: 70,
    links: [["User handbook", "https://docs.lightgate.example/handbook/usage"]],
  },
  {
    key: "admin",
    kind: "administration",
    name: "Administration",
    required: true,
    passMark: 70,
    links: [["Administration guide", "https://docs.lightgate.example/handbook/administration"]],
  },
];

async function seedReadiness(
  tx: Tx,
  world: DemoWorld,
  project: Project,
  spec: ReadinessSpec,
): Promise<Record<string, string>> {
  const pm = world.accounts[spec.pm];
  const ctx = ctxOf(pm);
  const siteIds = Object.fromEntries(
    await inOrder(spec.sites, async ([name, location]) => [
      name,
      (
        await one(
          tx
            .insert(sites)
            .values({ projectId: project.id, name, location, createdAt: at(-120) })
            .returning(),
        )
      ).id,
    ]),
  );
  const modules = await inOrder(spec.modules, async (m) => {
    const row = await one(
      tx
        .insert(trainingModules)
        .values({
          projectId: project.id,
          kind: m.kind,
          name: m.name,
          required: m.required,
          passMark: m.passMark,
          description: `${m.name} of the platform for ${project.name}.`,
          createdAt: at(-110),
        })
        .returning(),
    );
    for (const [title, url] of m.links ?? [])
      await tx.insert(trainingMaterials).values({ moduleId: row.id, title, kind: "link", url });
    return { ...m, id: row.id };
  });
  const moduleId = (key: string) => modules.find((m) => m.key === key)!.id;

  const guardianIds: Record<string, string> = {};
  for (const g of spec.guardians) {
    const user = world.accounts[g.email];
    await tx
      .insert(projectMembers)
      .values({ projectId: project.id, userId: user.id, role: "guardian" })
      .onConflictDoNothing();
    guardianIds[g.email] = (
      await one(
        tx
          .insert(guardians)
          .values({
            projectId: project.id,
            userId: user.id,
            siteId: siteIds[g.site],
            nominatedBy: pm.id,
            nominatedAt: at(-g.nominatedDaysAgo),
          })
          .returning(),
      )
    ).id;
    await recordAudit(tx, ctx, {
      action: "guardian.nominate",
      objectType: "guardian",
      objectId: guardianIds[g.email],
      projectId: project.id,
      after: { email: g.email, site: g.site },
    });
  }

  const records = new Map<string, { moduleId: string; attended: boolean | null; score: number | null }[]>();
  for (const s of spec.sessions) {
    const session = await one(
      tx
        .insert(trainingSessions)
        .values({
          projectId: project.id,
          moduleId: moduleId(s.module),
          startsAt: at(s.inDays, s.hour),
          durationMinutes: s.minutes ?? 120,
          mode: s.site ? "on_site" : "remote",
          siteId: s.site ? siteIds[s.site] : null,
          meetingUrl: s.meetingUrl ?? null,
          trainerId: world.accounts[s.trainer].id,
          notes: s.inDays > 0 ? "Bring your own laptop with homologation access." : "",
          createdAt: at(Math.min(s.inDays, 0) - 14),
        })
        .returning(),
    );
    for (const [email, result] of Object.entries(s.attendees)) {
      const attended = result === null ? null : result !== "absent";
      const score = typeof result === "number" ? result : null;
      await tx.insert(trainingAttendance).values({
        sessionId: session.id,
        guardianId: guardianIds[email],
        attended,
        score,
        recordedBy: result === null ? null : world.accounts[s.trainer].id,
        recordedAt: result === null ? null : at(s.inDays, 17),
      });
      const list = records.get(email) ?? [];
      list.push({ moduleId: moduleId(s.module), attended, score });
      records.set(email, list);
    }
  }

  for (const g of spec.guardians) {
    const status: GuardianStatus = g.withdrawn
      ? "withdrawn"
      : deriveGuardianStatus("nominated", modules, records.get(g.email) ?? []);
    if (status === "nominated") continue;
    await tx
      .update(guardians)
      .set({
        status,
        version: 2,
        certifiedAt: status === "certified" ? at(-g.nominatedDaysAgo + 40) : null,
        withdrawnAt: g.withdrawn ? at(-15) : null,
      })
      .where(eq(guardians.id, guardianIds[g.email]));
    const action =
      status === "certified" ? "guardian.certify" : status === "withdrawn" ? "guardian.withdraw" : "guardian.status";
    await recordAudit(tx, ctx, {
      action,
      objectType: "guardian",
      objectId: guardianIds[g.email],
      projectId: project.id,
      after: { status },
    });
  }
  return guardianIds;
}

async function seedEscalation(
  tx: Tx,
  project: Project,
  raiser: User,
  fields: Pick<
    typeof escalations.$inferInsert,
    "title" | "description" | "severity" | "blocking" | "status" | "assigneeId" | "resolution"
  >,
  daysAgo: number,
) {
  const row = await one(
    tx
      .insert(escalations)
      .values({
        ...fields,
        projectId: project.id,
        raisedBy: raiser.id,
        createdAt: at(-daysAgo, 11),
        updatedAt: at(-daysAgo + 1, 15),
        version: fields.status === "open" ? 1 : 2,
      })
      .returning(),
  );
  await recordAudit(tx, ctxOf(raiser), {
    action: "escalation.raise",
    objectType: "escalation",
    objectId: row.id,
    projectId: project.id,
    after: { title: row.title, severity: row.severity, blocking: row.blocking },
  });
}

/** Meridian has no guardian accounts in the base demo, Nordlicht too few for every state: add some, with the demo
 * password. */
async function extraGuardianAccounts(tx: Tx, world: DemoWorld) {
  const template = world.accounts["owner@meridian.demo.test"];
  for (const [email, name] of [
    ["guardian@meridian.demo.test", "Laia Ferrer"],
    ["guardian2@meridian.demo.test", "Pau Serra"],
  ] as const) {
    world.accounts[email] = await one(
      tx
        .insert(users)
        .values({
          email,
          name,
          role: "client",
          organizationId: template.organizationId,
          passwordHash: template.passwordHash,
        })
        .returning(),
    );
  }
  for (const [email, name] of [
    ["guardian4@demo.test", "Lena Fischer"],
    ["guardian5@demo.test", "Nils Becker"],
  ] as const) {
    const template2 = world.accounts["guardian@demo.test"];
    world.accounts[email] = await one(
      tx
        .insert(users)
        .values({
          email,
          name,
          role: "client",
          organizationId: template2.organizationId,
          passwordHash: template2.passwordHash,
        })
        .returning(),
    );
  }
}

export const seedReadinessDemo: DemoSeeder = async (tx, world) => {
  await extraGuardianAccounts(tx, world);
  const a = world.accounts;

  const residential = world.projects["nordlicht-residential"];
  if (residential) {
    await seedReadiness(tx, world, residential, {
      pm: "pm@demo.test",
      sites: [
        ["Hamburg headquarters", "Hamburg, Überseering 12"],
        ["Kiel customer centre", "Kiel, Holstenstraße 3"],
      ],
      modules: [
        ...STANDARD_MODULES,
        {
          key: "config",
          kind: "configuration",
          name: "Tariff configuration",
          required: false,
          passMark: 75,
          links: [["Tariff designer walkthrough", "https://docs.lightgate.example/videos/tariffs"]],
        },
        { key: "meter", kind: "custom", name: "Meter data exceptions", required: false, passMark: 60 },
      ],
      guardians: [
        { email: "guardian@demo.test", site: "Hamburg headquarters", nominatedDaysAgo: 70 },
        { email: "guardian3@demo.test", site: "Hamburg headquarters", nominatedDaysAgo: 60 },
        { email: "guardian2@demo.test", site: "Kiel customer centre", nominatedDaysAgo: 70 },
        { email: "guardian4@demo.test", site: "Kiel customer centre", nominatedDaysAgo: 4 },
        { email: "guardian5@demo.test", site: "Kiel customer centre", nominatedDaysAgo: 65, withdrawn: true },
      ],
      sessions: [
        {
          module: "usage",
          inDays: -30,
          site: "Hamburg headquarters",
          trainer: "trainer@demo.test",
          attendees: {
            "guardian@demo.test": 88,
            "guardian3@demo.test": 74,
            "guardian2@demo.test": 92,
            "guardian5@demo.test": 81,
          },
        },
        {
          module: "admin",
          inDays: -20,
          meetingUrl: "https://meet.lightgate.example/nordlicht-admin",
          trainer: "trainer@demo.test",
          attendees: {
            "guardian@demo.test": 79,
            "guardian3@demo.test": 55,
            "guardian2@demo.test": 71,
            "guardian5@demo.test": "absent",
          },
        },
        {
          module: "config",
          inDays: -10,
          site: "Kiel customer centre",
          trainer: "engineer@demo.test",
          attendees: { "guardian2@demo.test": 80 },
        },
        {
          module: "admin",
          inDays: 5,
          site: "Hamburg headquarters",
          trainer: "trainer@demo.test",
          attendees: { "guardian3@demo.test": null },
        },
        {
          module: "usage",
          inDays: 12,
          hour: 13,
          minutes: 90,
          meetingUrl: "https://meet.lightgate.example/nordlicht-usage",
          trainer: "trainer@demo.test",
          attendees: {},
        },
      ],
    });
    await seedEscalation(
      tx,
      residential,
      a["guardian@demo.test"],
      {
        title: "Bills for heat-pump tariff show double base fee",
        description:
          "In homologation, customers on the HP-Night tariff get the monthly base fee twice on their bill " +
          "(scenario 'Invoice a residential customer').",
        severity: "high",
        blocking: true,
        status: "in_progress",
        assigneeId: a["engineer@demo.test"].id,
        resolution: null,
      },
      3,
    );
    await seedEscalation(
      tx,
      residential,
      a["guardian2@demo.test"],
      {
        title: "Address search is slow in customer care",
        description: "Searching a customer by street takes 6–8 seconds in homologation.",
        severity: "low",
        blocking: false,
        status: "resolved",
        assigneeId: a["engineer@demo.test"].id,
        resolution: "Missing index on the address table added in release 1.3.2.",
      },
      9,
    );
  }

  const wholesale = world.projects["meridian-wholesale"];
  if (wholesale) {
    await seedReadiness(tx, world, wholesale, {
      pm: "pm@demo.test",
      sites: [["Barcelona network operations", "Barcelona, Carrer de Pujades 77"]],
      modules: STANDARD_MODULES,
      guardians: [
        { email: "guardian@meridian.demo.test", site: "Barcelona network operations", nominatedDaysAgo: 90 },
        { email: "guardian2@meridian.demo.test", site: "Barcelona network operations", nominatedDaysAgo: 90 },
      ],
      sessions: [
        {
          module: "usage",
          inDays: -60,
          site: "Barcelona network operations",
          trainer: "engineer@demo.test",
          attendees: { "guardian@meridian.demo.test": 91, "guardian2@meridian.demo.test": 84 },
        },
        {
          module: "admin",
          inDays: -45,
          meetingUrl: "https://meet.lightgate.example/meridian-admin",
          trainer: "engineer@demo.test",
          attendees: { "guardian@meridian.demo.test": 77, "guardian2@meridian.demo.test": 73 },
        },
      ],
    });
    await seedEscalation(
      tx,
      wholesale,
      a["guardian@meridian.demo.test"],
      {
        title: "Settlement file rejected by carrier B",
        description: "The monthly settlement CSV used a comma decimal separator.",
        severity: "medium",
        blocking: true,
        status: "closed",
        assigneeId: a["engineer@demo.test"].id,
        resolution: "Separator made configurable per carrier; carrier B set to point.",
      },
      35,
    );
  }

  const emobility = world.projects["nordlicht-emobility"];
  if (emobility) {
    await seedReadiness(tx, world, emobility, {
      pm: "pm2@demo.test",
      sites: [["Charging operations centre", "Hamburg, Hafenstraße 8"]],
      modules: STANDARD_MODULES,
      guardians: [{ email: "guardian@demo.test", site: "Charging operations centre", nominatedDaysAgo: 260 }],
      sessions: [
        {
          module: "usage",
          inDays: -230,
          site: "Charging operations centre",
          trainer: "engineer@demo.test",
          attendees: { "guardian@demo.test": 86 },
        },
        {
          module: "admin",
          inDays: -220,
          site: "Charging operations centre",
          trainer: "engineer@demo.test",
          attendees: { "guardian@demo.test": 81 },
        },
      ],
    });
    await seedEscalation(
      tx,
      emobility,
      a["guardian@demo.test"],
      {
        title: "Roaming sessions priced twice",
        description: "Sessions from roaming partner X appear twice on the monthly statement.",
        severity: "critical",
        blocking: false,
        status: "closed",
        assigneeId: a["engineer@demo.test"].id,
        resolution: "Duplicate CDR import fixed; affected statements re-issued.",
      },
      100,
    );
    await seedEscalation(
      tx,
      emobility,
      a["guardian@demo.test"],
      {
        title: "Statement wording for idle fees",
        description: "Customers ask what 'blocking fee' means; please use 'idle fee' as on the charge points.",
        severity: "low",
        blocking: false,
        status: "triaged",
        assigneeId: a["pm2@demo.test"].id,
        resolution: null,
      },
      6,
    );
  }
};
