import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { databaseDialect } from "@/db/url";
import { type Db, first, one } from "@/db/client";
import {
  artifacts,
  artifactVersions,
  escalations,
  estimateSnapshots,
  gateBoardMembers,
  gates,
  guardians,
  paymentMilestones,
  projects,
  sites,
  sprints,
  trainingAttendance,
  trainingModules,
  trainingSessions,
  validationRuns,
  validationScenarios,
} from "@/db/schema";
import { listPortfolio, portfolioClients, refreshHealthIfStale } from "@/lib/data/dashboard";
import { guardianTasks } from "@/lib/data/guardian-tasks";
import { refreshPortfolioHealth, refreshProjectHealth } from "@/lib/data/health";
import { boardOnly, reviewQueue } from "@/lib/data/review-queue";
import { createTestDb, makeProject, makeUser, makeWorld } from "@/lib/testing/fixtures";
import { portfolioQuerySchema } from "@/lib/validation/dashboard";

const TODAY = "2026-06-15";
const q = (over: Record<string, unknown> = {}) => portfolioQuerySchema.parse(over);

async function gateOf(db: Db, projectId: string, number: number) {
  return (await first(
    db
      .select()
      .from(gates)
      .where(and(eq(gates.projectId, projectId), eq(gates.number, number))),
  ))!;
}

describe("dashboard data", () => {
  let db: Db;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeEach(async () => {
    db = await createTestDb();
    w = await makeWorld(db);
  });

  it("a PM sees their projects with health reasons, next milestone and billable amount", async () => {
    const other = await makeProject(db, w.outsiderStaff, w.otherOrg.id, { name: "Not mine" });
    await db
      .update(gates)
      .set({ plannedDate: "2026-05-20" })
      .where(and(eq(gates.projectId, w.project.id), eq(gates.number, 7)));
    await db
      .update(gates)
      .set({ plannedDate: "2026-07-01" })
      .where(and(eq(gates.projectId, w.project.id), eq(gates.number, 6)));
    const sprint = await one(
      db
        .insert(sprints)
        .values({
          projectId: w.project.id,
          number: 1,
          goal: "Tariffs",
          startDate: "2026-06-10",
          endDate: "2026-06-20",
          status: "accepted",
        })
        .returning(),
    );
    await db
      .insert(paymentMilestones)
      .values({ projectId: w.project.id, sprintId: sprint.id, amount: 1_500_000, currency: "EUR", status: "billable" });

    const page = await listPortfolio(db, w.pm, q(), TODAY);
    expect(page.total).toBe(1);
    const row = page.items[0];
    expect(row.name).toBe(w.project.name);
    expect(row.health).toBe("red");
    expect(row.healthReasons.map((r) => r.code)).toEqual(["gate_overdue"]);
    expect(row.currentGate?.number).toBe(7);
    expect(row.nextMilestone).toEqual({
      kind: "gate",
      label: `Gate 7: ${(await gateOf(db, w.project.id, 7)).name}`,
      date: "2026-05-20",
      number: 7,
      name: (await gateOf(db, w.project.id, 7)).name,
    });
    expect(row.billable).toEqual({ amount: 1_500_000, currency: "EUR" });
    // The computed health is written back for filtering and sorting.
    expect((await first(db.select().from(projects).where(eq(projects.id, w.project.id))))!.health).toBe("red");
    expect((await listPortfolio(db, w.pm, q({ health: "green" }), TODAY)).total).toBe(0);
    expect((await listPortfolio(db, w.pm, q({ health: "red" }), TODAY)).total).toBe(1);
    expect(page.items.some((i) => i.id === other.id)).toBe(false);
  });

  it(
    "a health filter finds projects whose cached health went " + "stale with time, refreshing at most once a minute",
    async () => {
      const late = await makeProject(db, w.pm, w.org.id, { name: "Late one" });
      await db
        .update(gates)
        .set({ plannedDate: "2026-05-01" })
        .where(and(eq(gates.projectId, late.id), eq(gates.number, 7)));
      expect((await first(db.select().from(projects).where(eq(projects.id, late.id))))!.health).toBe("green");
      expect((await listPortfolio(db, w.pm, q({ health: "red" }), TODAY)).items.map((i) => i.name)).toEqual([
        "Late one",
      ]);
      expect(await refreshHealthIfStale(db, Date.now(), TODAY)).toBe(false);
      expect(await refreshHealthIfStale(db, Date.now() + 61_000, TODAY)).toBe(true);
    },
  );

  it("filters, sorts and paginates the admin's whole portfolio", async () => {
    for (let i = 0; i < 6; i++) await makeProject(db, w.pm, i % 2 ? w.org.id : w.otherOrg.id, { name: `P${i}` });
    const all = await listPortfolio(db, w.admin, q({ pageSize: 5 }), TODAY);
    expect(all.total).toBe(7);
    expect(all.pages).toBe(2);
    expect(all.items).toHaveLength(5);
    const second = await listPortfolio(db, w.admin, q({ pageSize: 5, page: 2 }), TODAY);
    expect(second.items).toHaveLength(2);
    expect(new Set([...all.items, ...second.items].map((i) => i.id)).size).toBe(7);
    const byClient = await listPortfolio(db, w.admin, q({ client: w.otherOrg.id }), TODAY);
    expect(byClient.items.every((i) => i.client.id === w.otherOrg.id)).toBe(true);
    expect(byClient.total).toBe(3);
    const desc = (await listPortfolio(db, w.admin, q({ sort: "name", dir: "desc", pageSize: 100 }), TODAY)).items.map(
      (i) => i.name,
    );
    expect(desc).toEqual([...desc].sort().reverse());
    expect((await portfolioClients(db, w.admin)).map((c) => c.id).sort()).toEqual([w.org.id, w.otherOrg.id].sort());
  });

  it("a client viewer sees only their organisation's projects, without billing", async () => {
    await makeProject(db, w.pm, w.otherOrg.id, {
      name: "Other org project",
      members: [[w.otherViewer, "client_viewer"]],
    });
    const page = await listPortfolio(db, w.viewer, q(), TODAY);
    expect(page.items.map((i) => i.id)).toEqual([w.project.id]);
    expect(page.items[0].billable).toBeNull();
    expect(JSON.stringify(page)).not.toContain("internalNotes");
    // The client owner sees the billable amount of their own project.
    expect((await listPortfolio(db, w.owner, q(), TODAY)).items[0].billable).toEqual({ amount: 0, currency: "EUR" });
    // Another organisation's viewer never sees this project, even when filtering by its client.
    expect((await listPortfolio(db, w.otherViewer, q({ client: w.org.id }), TODAY)).total).toBe(0);
    expect((await portfolioClients(db, w.otherViewer)).map((c) => c.id)).toEqual([w.otherOrg.id]);
  });

  it("a board member's queue lists gates in review they have not voted on and artifacts awaiting them", async () => {
    const gate = await gateOf(db, w.project.id, 7);
    await db.insert(gateBoardMembers).values({ gateId: gate.id, userId: w.boardMember.id, required: true });
    expect(await reviewQueue(db, w.boardMember)).toEqual({
      seated: true,
      gateTotal: 0,
      artifactTotal: 0,
      gates: [],
      artifacts: [],
    });
    expect([await boardOnly(db, w.boardMember), await boardOnly(db, w.pm), await boardOnly(db, w.admin)]).toEqual([
      true,
      false,
      false,
    ]);

    const artifact = (await db.select().from(artifacts).where(eq(artifacts.gateId, gate.id)))[0];
    await db.insert(artifactVersions).values({
      artifactId: artifact.id,
      number: 1,
      kind: "markdown",
      markdown: "x",
      submittedBy: w.engineer.id,
      submittedAt: "2026-06-10T10:00:00Z",
    });
    await db.update(artifacts).set({ status: "submitted" }).where(eq(artifacts.id, artifact.id));
    await db
      .update(gates)
      .set({ status: "in_review", submittedAt: "2026-06-11T10:00:00Z" })
      .where(eq(gates.id, gate.id));

    const queue = await reviewQueue(db, w.boardMember);
    expect(queue.gates.map((g) => [g.projectId, g.gateNumber, g.required])).toEqual([[w.project.id, 7, true]]);
    expect(queue.artifacts.map((a) => a.artifactId)).toEqual([artifact.id]);
    // The engineer who submitted the version is not asked to review it; outsiders have no queue.
    expect(await reviewQueue(db, w.outsiderStaff)).toEqual({
      seated: false,
      gateTotal: 0,
      artifactTotal: 0,
      gates: [],
      artifacts: [],
    });
    // The board member appears in the portfolio through the seat, without billing.
    const page = await listPortfolio(db, w.boardMember, q(), TODAY);
    expect(page.items.map((i) => [i.id, i.billable])).toEqual([[w.project.id, null]]);
  });

  it("a guardian sees upcoming training, modules to pass and open validation scenarios", async () => {
    const site = await one(db.insert(sites).values({ projectId: w.project.id, name: "HQ" }).returning());
    const g = await one(
      db
        .insert(guardians)
        .values({
          projectId: w.project.id,
          userId: w.guardian.id,
          siteId: site.id,
          nominatedBy: w.owner.id,
          nominatedAt: "2026-06-01T00:00:00Z",
        })
        .returning(),
    );
    const usage = await one(
      db.insert(trainingModules).values({ projectId: w.project.id, kind: "usage", name: "Usage" }).returning(),
    );
    const admin = await one(
      db
        .insert(trainingModules)
        .values({ projectId: w.project.id, kind: "administration", name: "Administration" })
        .returning(),
    );
    const past = await one(
      db
        .insert(trainingSessions)
        .values({
          projectId: w.project.id,
          moduleId: usage.id,
          startsAt: "2026-06-01T09:00:00Z",
          mode: "remote",
          trainerId: w.engineer.id,
        })
        .returning(),
    );
    await db.insert(trainingAttendance).values({ sessionId: past.id, guardianId: g.id, attended: true, score: 90 });
    await db.insert(trainingSessions).values({
      projectId: w.project.id,
      moduleId: admin.id,
      startsAt: "2026-07-01T09:00:00Z",
      mode: "remote",
      trainerId: w.engineer.id,
    });
    const run = await one(
      db
        .insert(validationRuns)
        .values({
          projectId: w.project.id,
          environment: "homologation",
          openedBy: w.owner.id,
          openedAt: "2026-06-10T00:00:00Z",
        })
        .returning(),
    );
    await db.insert(validationScenarios).values([
      { runId: run.id, position: 1, title: "Bill a household", result: "pending" },
      { runId: run.id, position: 2, title: "Dunning", result: "pass" },
    ]);

    const tasks = await guardianTasks(db, w.guardian, "2026-06-15T00:00:00Z");
    expect(tasks.guardian).toBe(true);
    expect(tasks.sessions.map((s) => s.moduleName)).toEqual(["Administration"]);
    expect(tasks.modulesToPass.map((m) => m.moduleName)).toEqual(["Administration"]);
    expect(tasks.validation).toEqual([
      {
        projectId: w.project.id,
        projectName: w.project.name,
        runId: run.id,
        environment: "homologation",
        pendingScenarios: 1,
      },
    ]);
    expect((await guardianTasks(db, w.otherViewer)).guardian).toBe(false);
  });
});

describe("health facts", () => {
  it("counts blocking escalations, changes requested and a slipping forecast, and refreshes the cache", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    await db.insert(escalations).values({
      projectId: w.project.id,
      raisedBy: w.guardian.id,
      title: "Down",
      description: "x",
      severity: "high",
      blocking: true,
    });
    await db.insert(escalations).values({
      projectId: w.project.id,
      raisedBy: w.guardian.id,
      title: "Fixed",
      description: "x",
      severity: "high",
      blocking: true,
      status: "resolved",
    });
    const artifact = (await db.select().from(artifacts).where(eq(artifacts.projectId, w.project.id)))[0];
    await db.update(artifacts).set({ status: "changes_requested" }).where(eq(artifacts.id, artifact.id));
    for (const [takenAt, forecast] of [
      ["2026-05-01T00:00:00Z", "2026-12-01"],
      ["2026-06-01T00:00:00Z", "2027-01-10"],
    ]) {
      await db.insert(estimateSnapshots).values({
        projectId: w.project.id,
        kind: "sprint_close",
        takenAt,
        doneDays: 1,
        remainingDays: 1,
        forecastGoLive: forecast,
        forecastGoLiveEarliest: forecast,
        forecastGoLiveLatest: forecast,
        forecastCost: 1,
        currency: "EUR",
      });
    }
    const verdict = (await refreshProjectHealth(db, w.project.id, TODAY))!;
    expect(verdict.health).toBe("red");
    expect(verdict.reasons.map((r) => r.code)).toEqual(["blocking_escalation", "changes_requested", "forecast_slip"]);
    const stored = (await first(db.select().from(projects).where(eq(projects.id, w.project.id))))!;
    expect(stored.health).toBe("red");
    // The cache keeps the whole reasons (code, values), so a page can say them in its reader's words.
    expect(stored.healthReasons).toEqual(verdict.reasons);
    // The portfolio refresh finds nothing more to change.
    expect(await refreshPortfolioHealth(db, TODAY)).toBe(0);
  });

  // Counts SQLite's prepared statements; the same code issues the same queries on PostgreSQL.
  it.skipIf(databaseDialect() === "postgres")(
    "stays within a few queries for a page of projects (no query per project)",
    async () => {
      const db = await createTestDb();
      const w = await makeWorld(db);
      const admin = await makeUser(db, "admin");
      for (let i = 0; i < 30; i++) await makeProject(db, w.pm, w.org.id);
      const sqlite = db.$client;
      let statements = 0;
      const prepare = sqlite.prepare.bind(sqlite);
      sqlite.prepare = ((source: string) => {
        statements++;
        return prepare(source);
      }) as typeof sqlite.prepare;
      const page = await listPortfolio(db, admin, q({ pageSize: 25 }), TODAY);
      sqlite.prepare = prepare;
      expect(page.items).toHaveLength(25);
      expect(statements).toBeLessThan(20);
    },
  );
});
