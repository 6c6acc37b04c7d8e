// Demo data for validation and go-live (runs after the readiness seeder, which seeds sites,
// guardians and training): the wholesale interconnect is READY to sign (both runs passed,
// signers named, nobody signed yet); the residential MVP is NOT (homologation still open);
// the live e-mobility project has a signed acceptance and its handover.
import { and, asc, eq } from "drizzle-orm";
import { type Tx, first, one } from "@/db/client";
import {
  goLiveAcceptances,
  goLiveSigners,
  goLiveSignOffs,
  guardians,
  handovers,
  projectMembers,
  scopeItems,
  sites,
  validationRuns,
  validationScenarios,
  type Project,
  type User,
} from "@/db/schema";
import { auditHead, recordAudit, type RequestContext } from "@/lib/audit";
import { sha256 } from "@/lib/data/go-live-acceptance";
import { defaultAcceptanceStatement } from "@/lib/domain/go-live-statement";
import { generateScenarios } from "@/lib/domain/validation-run";
import { loadMessages } from "@/messages/catalogue";
import type { DemoSeeder, DemoWorld } from "./demo";
import { daysFromNow } from "./portfolio";

const at = (daysAgo: number, hour = 10) => {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
const ctxOf = (user: User): RequestContext => ({ actor: { ...user }, ip: "192.0.2.10", userAgent: "demo seed" });

type RunSpec = {
  environment: "homologation" | "production";
  openedDaysAgo: number;
  /** Results in checklist order; missing entries stay pending. */
  results: ("pass" | "fail")[];
  closedDaysAgo?: number;
};

async function seedRun(tx: Tx, project: Project, opener: User, guardian: User, owner: User, spec: RunSpec) {
  const scope = await tx
    .select()
    .from(scopeItems)
    .where(eq(scopeItems.projectId, project.id))
    .orderBy(asc(scopeItems.createdAt));
  const seeds = generateScenarios(project.modules, scope).slice(0, 8);
  const closed = spec.closedDaysAgo !== undefined;
  const passed = closed && seeds.every((_, i) => spec.results[i] === "pass");
  const run = await one(
    tx
      .insert(validationRuns)
      .values({
        projectId: project.id,
        environment: spec.environment,
        status: closed ? (passed ? "passed" : "failed") : "open",
        openedBy: opener.id,
        openedAt: at(spec.openedDaysAgo, 9),
        closedBy: closed ? owner.id : null,
        closedAt: closed ? at(spec.closedDaysAgo!, 16) : null,
        closingNote: closed && !passed ? "Failed scenarios go back to the team; a new run follows the fix." : null,
        version: 1 + spec.results.length + (closed ? 1 : 0),
      })
      .returning(),
  );
  await tx.insert(validationScenarios).values(
    seeds.map((s, i) => ({
      runId: run.id,
      position: i + 1,
      title: s.title,
      source: s.source,
      result: spec.results[i] ?? "pending",
      notes: spec.results[i] === "fail" ? "Totals differ from the legacy bill by one cent on rounding." : "",
      recordedBy: spec.results[i] ? guardian.id : null,
      recordedAt: spec.results[i] ? at(spec.openedDaysAgo - 1, 11) : null,
    })),
  );
  await recordAudit(tx, ctxOf(opener), {
    action: "validation_run.open",
    objectType: "validation_run",
    objectId: run.id,
    projectId: project.id,
    after: { environment: spec.environment },
  });
  if (closed) {
    await recordAudit(tx, ctxOf(owner), {
      action: "validation_run.close",
      objectType: "validation_run",
      objectId: run.id,
      projectId: project.id,
      after: { environment: spec.environment, status: run.status },
    });
  }
  return seeds.length;
}

/** Certified guardians of the project (seeded by the readiness seeder), as users. */
async function certifiedGuardians(tx: Tx, world: DemoWorld, project: Project): Promise<User[]> {
  const ids = (
    await tx
      .select({ userId: guardians.userId })
      .from(guardians)
      .where(and(eq(guardians.projectId, project.id), eq(guardians.status, "certified")))
  ).map((g) => g.userId);
  return Object.values(world.accounts).filter((u) => ids.includes(u.id));
}

/**
 * The ready project needs a certified guardian at a site. When the readiness seeder gave it
 * none, name the client's steering-committee contact guardian at headquarters, certified.
 */
async function ensureCertifiedGuardian(tx: Tx, world: DemoWorld, project: Project, pm: User): Promise<User[]> {
  const existing = await certifiedGuardians(tx, world, project);
  const siteCount = (await tx.select({ id: sites.id }).from(sites).where(eq(sites.projectId, project.id))).length;
  if (existing.length > 0 && siteCount > 0) return existing;
  const user = world.accounts["viewer@meridian.demo.test"];
  const site =
    (await first(tx.select().from(sites).where(eq(sites.projectId, project.id)))) ??
    (await one(
      tx.insert(sites).values({ projectId: project.id, name: "Madrid headquarters", location: "Madrid" }).returning(),
    ));
  await tx
    .insert(projectMembers)
    .values({ projectId: project.id, userId: user.id, role: "guardian" })
    .onConflictDoNothing();
  await tx
    .insert(guardians)
    .values({
      projectId: project.id,
      userId: user.id,
      siteId: site.id,
      status: "certified",
      nominatedBy: pm.id,
      nominatedAt: at(90),
      certifiedAt: at(30),
    })
    .onConflictDoNothing();
  return await certifiedGuardians(tx, world, project);
}

async function seedAcceptance(
  tx: Tx,
  project: Project,
  pm: User,
  signers: [User, "client_owner" | "guardian"][],
  statement: string,
) {
  const acceptance = await one(tx.insert(goLiveAcceptances).values({ projectId: project.id, statement }).returning());
  await tx
    .insert(goLiveSigners)
    .values(signers.map(([u, capacity]) => ({ acceptanceId: acceptance.id, userId: u.id, capacity })));
  await recordAudit(tx, ctxOf(pm), {
    action: "go_live_acceptance.create",
    objectType: "go_live_acceptance",
    objectId: acceptance.id,
    projectId: project.id,
    after: { statement, signers: signers.map(([u, capacity]) => ({ userId: u.id, capacity })) },
  });
  return acceptance;
}

/** The statement in the client's language (the project's), naming the project. */
const statementFor = async (project: Project) =>
  defaultAcceptanceStatement(
    { locale: project.language, messages: await loadMessages(project.language) },
    project.name,
  );

export const seedGoLive: DemoSeeder = async (tx, world) => {
  const { accounts, projects } = world;

  // READY to sign: both runs passed, signers named, nobody has signed yet.
  const wholesale = projects["meridian-wholesale"];
  if (wholesale) {
    const pm = accounts["pm@demo.test"];
    const owner = accounts["owner@meridian.demo.test"];
    const certified = await ensureCertifiedGuardian(tx, world, wholesale, pm);
    const n = generateScenarios(wholesale.modules, []).length;
    await seedRun(tx, wholesale, pm, certified[0], owner, {
      environment: "homologation",
      openedDaysAgo: 30,
      closedDaysAgo: 25,
      results: Array(n + 10).fill("pass"),
    });
    await seedRun(tx, wholesale, pm, certified[0], owner, {
      environment: "production",
      openedDaysAgo: 8,
      closedDaysAgo: 5,
      results: Array(n + 10).fill("pass"),
    });
    await seedAcceptance(
      tx,
      wholesale,
      pm,
      [[owner, "client_owner"], ...certified.slice(0, 2).map((g) => [g, "guardian"] as [User, "guardian"])],
      await statementFor(wholesale),
    );
  }

  // NOT ready: a first homologation run failed, the second is open and half recorded; no production run.
  const residential = projects["nordlicht-residential"];
  if (residential) {
    const pm = accounts["pm@demo.test"];
    const owner = accounts["owner@demo.test"];
    const guardian = accounts["guardian@demo.test"];
    await seedRun(tx, residential, pm, guardian, owner, {
      environment: "homologation",
      openedDaysAgo: 20,
      closedDaysAgo: 14,
      results: ["pass", "fail", "pass", "pass"],
    });
    await seedRun(tx, residential, pm, guardian, owner, {
      environment: "homologation",
      openedDaysAgo: 3,
      results: ["pass", "pass"],
    });
    const certified = await certifiedGuardians(tx, world, residential);
    await seedAcceptance(
      tx,
      residential,
      pm,
      [[owner, "client_owner"], ...certified.slice(0, 2).map((g) => [g, "guardian"] as [User, "guardian"])],
      await statementFor(residential),
    );
  }

  // LIVE: signed by the owner and a guardian, then handed over to the helpdesk.
  const emobility = projects["nordlicht-emobility"];
  if (emobility) {
    const pm = accounts["pm2@demo.test"];
    const owner = accounts["owner@demo.test"];
    const guardian = accounts["guardian@demo.test"];
    const n = generateScenarios(emobility.modules, []).length;
    await seedRun(tx, emobility, pm, guardian, owner, {
      environment: "homologation",
      openedDaysAgo: 170,
      closedDaysAgo: 160,
      results: Array(n + 10).fill("pass"),
    });
    await seedRun(tx, emobility, pm, guardian, owner, {
      environment: "production",
      openedDaysAgo: 135,
      closedDaysAgo: 128,
      results: Array(n + 10).fill("pass"),
    });
    const statement = await statementFor(emobility);
    const acceptance = await seedAcceptance(
      tx,
      emobility,
      pm,
      [
        [owner, "client_owner"],
        [guardian, "guardian"],
      ],
      statement,
    );
    for (const [user, daysAgo] of [
      [owner, 125],
      [guardian, 124],
    ] as const) {
      const head = await auditHead(tx);
      await tx.insert(goLiveSignOffs).values({
        acceptanceId: acceptance.id,
        userId: user.id,
        signedAt: at(daysAgo, 14),
        ip: "192.0.2.10",
        userAgent: "demo seed",
        statement,
        statementSha256: sha256(statement),
        auditHeadHash: head,
      });
      await recordAudit(tx, ctxOf(user), {
        action: "go_live_acceptance.sign",
        objectType: "go_live_acceptance",
        objectId: acceptance.id,
        projectId: emobility.id,
        after: { userId: user.id, statementSha256: sha256(statement), auditHeadHash: head },
      });
    }
    await tx
      .update(goLiveAcceptances)
      .set({ status: "signed", completedAt: at(124, 14), version: 3 })
      .where(eq(goLiveAcceptances.id, acceptance.id));
    const handover = await one(
      tx
        .insert(handovers)
        .values({
          projectId: emobility.id,
          handoverDate: daysFromNow(-120),
          supportContacts: [
            {
              name: "Vendor helpdesk (1st level)",
              email: "helpdesk@vendor.example",
              phone: "+49 40 1234 500",
              role: "Incidents, 24/7",
            },
            { name: "Tomás Rivera", email: "pm2@demo.test", role: "Escalation contact, first 90 days" },
          ],
          openItems: [
            "Roaming partner tariff import is manual until release 2",
            "Monthly revenue report layout to be aligned with finance",
          ],
          recordedBy: pm.id,
          recordedAt: at(120, 12),
        })
        .returning(),
    );
    await recordAudit(tx, ctxOf(pm), {
      action: "handover.record",
      objectType: "handover",
      objectId: handover.id,
      projectId: emobility.id,
      after: { handoverDate: handover.handoverDate },
    });
  }
};
