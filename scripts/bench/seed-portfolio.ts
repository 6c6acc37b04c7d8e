// Seeds a bench database at portfolio scale, on either dialect, through db/client. Per 1,000
// projects: 7,000 gates, 50,000 artifact versions, 20,000 sprints and 200,000 audit events on one
// valid hash chain; plus one project with 2,000 scope items. Rows are built in memory from the
// real default policy (the same pure rules instantiateGates applies) and written as multi-row
// inserts (bulk-insert.ts), many per transaction: per-row statements would take hours at 10,000
// projects.
import { randomUUID } from "node:crypto";
import { desc } from "drizzle-orm";
import { type Db, first, transaction } from "@/db/client";
import {
  artifacts,
  artifactVersions,
  auditEvents,
  clientOrganizations,
  gateBoardMembers,
  gates,
  projectMembers,
  projects,
  releases,
  scopeItems,
  sprints,
  users,
  type PolicyGate,
  type ProjectRole,
} from "@/db/schema";
import { GENESIS_HASH, hashEvent } from "@/lib/audit";
import { currentDefaultPolicyVersion } from "@/lib/data/policy-versions";
import { ensureDefaultQualityScale } from "@/lib/data/quality-scale";
import { applicableArtifacts } from "@/lib/domain/default-policy";
import { hashPassword } from "@/lib/password";
import { insertRows } from "./bulk-insert";

export const BENCH_PASSWORD = "bench-password-1";
/** `quiet` is a vendor account on no project: the nearly empty signed-in page is measured as it. */
export const BENCH_ACCOUNTS = {
  pm: "pm@bench.test",
  board: "board@bench.test",
  engineer: "engineer@bench.test",
  admin: "admin@bench.test",
  quiet: "quiet@bench.test",
};
/** Every account the seed creates ends with this: the bench's ownership check relies on it. */
export const BENCH_EMAIL_DOMAIN = "@bench.test";
/** The project that also gets 2,000 scope items (the roadmap route): the first by name. */
export const SCOPE_PROJECT_NAME = "Bench rollout 00000";

export const PER_PROJECT = { gates: 7, versions: 50, sprints: 20, auditEvents: 200 };
const SCOPE_ITEMS = 2000;
/** Projects written per transaction: about 100,000 rows, so a commit is neither tiny nor huge. */
const PROJECTS_PER_TRANSACTION = 250;
const AUDIT_EVENTS_PER_TRANSACTION = 100_000;

const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

type People = { pm: string; board: string; engineer: string; owners: string[] };
type Batch = {
  projects: (typeof projects.$inferInsert)[];
  members: (typeof projectMembers.$inferInsert)[];
  gates: (typeof gates.$inferInsert)[];
  board: (typeof gateBoardMembers.$inferInsert)[];
  artifacts: (typeof artifacts.$inferInsert)[];
  versions: (typeof artifactVersions.$inferInsert)[];
  sprints: (typeof sprints.$inferInsert)[];
};

/** Project `i` with its members, gates, boards, artifacts, versions and sprints. */
function addProject(
  batch: Batch,
  i: number,
  policyVersionId: string,
  policyGates: PolicyGate[],
  orgIds: string[],
  people: People,
  now: string,
): string {
  const id = randomUUID();
  const current = 2 + (i % 6); // current gate 7..2: the gates above it passed with `go`
  const sizeClass = (["small", "standard", "large"] as const)[i % 3];
  const owner = people.owners[i % people.owners.length];
  batch.projects.push({
    id,
    organizationId: orgIds[i % orgIds.length],
    name: `Bench rollout ${String(i).padStart(5, "0")}`,
    modules: ["Rating & charging", "Invoicing"],
    startDate: day(i % 200),
    targetGoLiveDate: day(300 + (i % 300)),
    sizeClass,
    currentGate: current,
    policyVersionId,
    createdAt: now,
    updatedAt: now,
  });
  const roles: [string, ProjectRole][] = [
    [people.pm, "project_manager"],
    [people.engineer, "team_member"],
    [owner, "client_owner"],
  ];
  for (const [userId, role] of roles) batch.members.push({ projectId: id, userId, role, createdAt: now });

  // Versions go to the artifacts of passed gates and of the gate in review, in turn, until the
  // project has its share.
  const filed: { id: string; count: number }[] = [];
  for (const template of policyGates) {
    const gateId = randomUUID();
    const passed = template.number > current;
    const inReview = template.number === current;
    batch.gates.push({
      id: gateId,
      projectId: id,
      number: template.number,
      name: template.name,
      objectives: template.objectives,
      decisionRule: template.decisionRule,
      quorum: template.quorum,
      plannedDate: day(30 * (8 - template.number) + (i % 60)),
      // Every row names the same columns (bulk-insert.ts).
      status: passed ? "go" : inReview ? "in_review" : "pending",
      decision: passed ? "go" : null,
      decidedAt: passed ? now : null,
      decidedBy: passed ? people.board : null,
      submittedAt: passed || inReview ? now : null,
      submittedBy: passed || inReview ? people.pm : null,
    });
    // The policy's default board by project role, and the bench's board member on every gate.
    const seats = new Map<string, boolean>([[people.board, true]]);
    for (const seat of template.defaultBoard) {
      for (const [userId, role] of roles)
        if (role === seat.projectRole) seats.set(userId, (seats.get(userId) ?? false) || seat.required);
    }
    for (const [userId, required] of seats) batch.board.push({ gateId, userId, required });
    for (const a of applicableArtifacts(template, sizeClass)) {
      const artifactId = randomUUID();
      const approverRoles = template.artifactTypes.find((t) => t.key === a.type)?.approverRoles ?? [];
      batch.artifacts.push({
        id: artifactId,
        projectId: id,
        gateId,
        type: a.type,
        title: a.title,
        requirement: a.requirement,
        approverRoles,
        status: passed ? "approved" : inReview ? "submitted" : "missing",
        ownerId: passed || inReview ? people.engineer : null,
        createdAt: now,
      });
      if (passed || inReview) filed.push({ id: artifactId, count: 0 });
    }
  }
  for (let n = 0; n < PER_PROJECT.versions && filed.length; n++) filed[n % filed.length].count++;
  for (const artifact of filed) {
    for (let n = 1; n <= artifact.count; n++) {
      batch.versions.push({
        id: randomUUID(),
        artifactId: artifact.id,
        number: n,
        kind: "markdown",
        markdown: `# Version ${n}\n\nBench content.`,
        note: "",
        submittedBy: people.engineer,
        submittedAt: now,
      });
    }
  }
  for (let s = 1; s <= PER_PROJECT.sprints; s++) {
    const status = s <= 12 ? "accepted" : s === 13 ? "in_review" : s === 14 ? "active" : "planned";
    batch.sprints.push({
      id: randomUUID(),
      projectId: id,
      number: s,
      goal: `Increment ${s}`,
      startDate: day(s * 14),
      endDate: day(s * 14 + 13),
      capacityDays: 40,
      status,
      escapedDefects: s % 7 === 0 ? 1 : 0,
      createdAt: now,
    });
  }
  return id;
}

async function writeBatch(db: Db, batch: Batch): Promise<void> {
  await transaction(db, async (tx) => {
    await insertRows(tx, projects, batch.projects);
    await insertRows(tx, projectMembers, batch.members);
    await insertRows(tx, gates, batch.gates);
    await insertRows(tx, gateBoardMembers, batch.board);
    await insertRows(tx, artifacts, batch.artifacts);
    await insertRows(tx, artifactVersions, batch.versions);
    await insertRows(tx, sprints, batch.sprints);
  });
}

/** The releases and 2,000 scope items of one project (the roadmap route). */
async function seedScope(db: Db, projectId: string, now: string): Promise<void> {
  const releaseRows = [1, 2, 3].map((n) => ({
    id: randomUUID(),
    projectId,
    number: n,
    name: n === 1 ? "MVP" : `Release ${n}`,
    scope: "",
    createdAt: now,
  }));
  const categories = [
    "configuration",
    "interconnection",
    "localization",
    "migration",
    "training",
    "reporting",
    "other",
  ] as const;
  const priorities = ["must", "should", "could", "wont"] as const;
  const items = Array.from({ length: SCOPE_ITEMS }, (_, k) => ({
    id: randomUUID(),
    projectId,
    releaseId: releaseRows[k % 3].id,
    title: `Scope item ${k}`,
    category: categories[k % 7],
    priority: priorities[k % 4],
    estimateDays: 1 + (k % 8),
    status: k % 3 === 0 ? ("done" as const) : ("planned" as const),
    createdAt: now,
    updatedAt: now,
  }));
  await transaction(db, async (tx) => {
    await insertRows(tx, releases, releaseRows);
    await insertRows(tx, scopeItems, items);
  });
}

/**
 * `count` audit events appended to the chain, spread over the projects: each hash covers the
 * event and its predecessor's hash, as recordAudit writes them, so `npm run audit:verify` passes.
 */
async function seedAudit(
  db: Db,
  count: number,
  projectIds: string[],
  actor: { id: string; email: string },
): Promise<void> {
  const head = await first(
    db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1),
  );
  let seq = head?.seq ?? 0;
  let previousHash = head?.hash ?? GENESIS_HASH;
  const start = Date.now() - count * 1000;
  for (let from = 0; from < count; from += AUDIT_EVENTS_PER_TRANSACTION) {
    const events: (typeof auditEvents.$inferInsert)[] = [];
    for (let k = from; k < Math.min(count, from + AUDIT_EVENTS_PER_TRANSACTION); k++) {
      const projectId = projectIds[k % projectIds.length];
      const fields = {
        id: randomUUID(),
        at: new Date(start + k * 1000).toISOString(),
        actorId: actor.id,
        actorEmail: actor.email,
        actorRole: "staff",
        action: k % 2 ? "artifact.version.add" : "gate.vote",
        objectType: k % 2 ? "artifact" : "gate",
        objectId: projectId,
        projectId,
        before: null,
        after: { n: k },
        ip: "127.0.0.1",
        userAgent: "bench",
        previousHash,
      };
      const hash = hashEvent(fields);
      events.push({ ...fields, seq: ++seq, hash });
      previousHash = hash;
    }
    await transaction(db, async (tx) => await insertRows(tx, auditEvents, events));
  }
}

export type SeedFigures = {
  projects: number;
  gates: number;
  artifactVersions: number;
  sprints: number;
  auditEvents: number;
  scopeItems: number;
};

/** Seeds `size` projects into an empty, migrated database; reports the rows written and progress. */
export async function seedBenchPortfolio(
  db: Db,
  size: number,
  progress: (line: string) => void = () => undefined,
): Promise<SeedFigures> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const now = new Date().toISOString();
  const setup = await transaction(db, async (tx) => {
    await ensureDefaultQualityScale(tx);
    const policy = await currentDefaultPolicyVersion(tx);
    const sectors = ["energy", "water", "gas", "telecom", "other"] as const;
    const orgs = sectors.map((sector, i) => ({
      id: randomUUID(),
      name: `Bench ${sector} ${i}`,
      sector,
      country: "Germany",
      createdAt: now,
    }));
    await insertRows(tx, clientOrganizations, orgs);
    const account = (email: string, role: "admin" | "staff" | "client", organizationId: string | null = null) => ({
      id: randomUUID(),
      email,
      name: email.split("@")[0],
      role,
      organizationId,
      passwordHash,
      createdAt: now,
    });
    const staff = [
      BENCH_ACCOUNTS.admin,
      BENCH_ACCOUNTS.pm,
      BENCH_ACCOUNTS.board,
      BENCH_ACCOUNTS.engineer,
      BENCH_ACCOUNTS.quiet,
    ].map((email) => account(email, email === BENCH_ACCOUNTS.admin ? "admin" : "staff"));
    const owners = orgs.map((o, i) => account(`owner${i}${BENCH_EMAIL_DOMAIN}`, "client", o.id));
    await insertRows(tx, users, [...staff, ...owners]);
    const byEmail = (email: string) => staff.find((u) => u.email === email)!;
    return {
      policy,
      orgIds: orgs.map((o) => o.id),
      people: {
        pm: byEmail(BENCH_ACCOUNTS.pm).id,
        board: byEmail(BENCH_ACCOUNTS.board).id,
        engineer: byEmail(BENCH_ACCOUNTS.engineer).id,
        owners: owners.map((o) => o.id),
      },
      pmEmail: BENCH_ACCOUNTS.pm,
    };
  });

  const figures: SeedFigures = {
    projects: 0,
    gates: 0,
    artifactVersions: 0,
    sprints: 0,
    auditEvents: 0,
    scopeItems: SCOPE_ITEMS,
  };
  const projectIds: string[] = [];
  for (let from = 0; from < size; from += PROJECTS_PER_TRANSACTION) {
    const batch: Batch = { projects: [], members: [], gates: [], board: [], artifacts: [], versions: [], sprints: [] };
    for (let i = from; i < Math.min(size, from + PROJECTS_PER_TRANSACTION); i++) {
      projectIds.push(addProject(batch, i, setup.policy.id, setup.policy.gates, setup.orgIds, setup.people, now));
    }
    await writeBatch(db, batch);
    figures.projects += batch.projects.length;
    figures.gates += batch.gates.length;
    figures.artifactVersions += batch.versions.length;
    figures.sprints += batch.sprints.length;
    if (figures.projects % 2000 === 0 || figures.projects === size)
      progress(`  ${figures.projects.toLocaleString("en")} projects`);
  }
  await seedScope(db, projectIds[0], now);
  figures.auditEvents = size * PER_PROJECT.auditEvents;
  await seedAudit(db, figures.auditEvents, projectIds, { id: setup.people.pm, email: setup.pmEmail });
  progress(`  ${figures.auditEvents.toLocaleString("en")} audit events`);
  return figures;
}
