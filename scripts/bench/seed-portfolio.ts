// Seeds a separate database with a portfolio at the scale of DESIGN.md §7: 1,000 projects,
// 7,000 gates, ~50,000 artifact versions, 20,000 sprints, 200,000 audit events and one
// project with 2,000 scope items. Gates come from the real policy through the real setup code;
// the bulk rows go in with prepared statements inside one transaction.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { type Db, transaction, one } from "@/db/client";
import { artifacts, clientOrganizations, gateBoardMembers, gates, projectMembers, projects, users } from "@/db/schema";
import { GENESIS_HASH, hashEvent } from "@/lib/audit";
import { instantiateGates } from "@/lib/data/gate-setup";
import { currentDefaultPolicyVersion } from "@/lib/data/policy-versions";
import { hashPassword } from "@/lib/password";
import { inOrder } from "@/lib/in-order";

export const BENCH_PASSWORD = "bench-password-1";
export const BENCH_ACCOUNTS = { pm: "pm@bench.test", board: "board@bench.test", admin: "admin@bench.test" };

const PROJECTS = 1000;
const SPRINTS_PER_PROJECT = 20;
const AUDIT_EVENTS = 200_000;
const VERSIONS_TARGET = 50_000;

const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

export async function seedBenchPortfolio(db: Db): Promise<{ projectIds: string[]; scopeProjectId: string }> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const sqlite = db.$client;
  return await transaction(db, async (tx) => {
    const orgs = await inOrder(["Energy", "Water", "Gas", "Telecom", "Utilities"], async (s, i) =>
      await one(tx.insert(clientOrganizations).values({ name: `Bench ${s} ${i}`, sector: (["energy", "water", "gas", "telecom", "other"] as const)[i], country: "Germany" }).returning()),
    );
    const mk = async (email: string, role: "admin" | "staff" | "client", organizationId: string | null = null) =>
      await one(tx.insert(users).values({ email, name: email.split("@")[0], role, organizationId, passwordHash }).returning());
    const admin = await mk(BENCH_ACCOUNTS.admin, "admin");
    const pm = await mk(BENCH_ACCOUNTS.pm, "staff");
    const board = await mk(BENCH_ACCOUNTS.board, "staff");
    const engineer = await mk("engineer@bench.test", "staff");
    const owners = await inOrder(orgs, async (o, i) => await mk(`owner${i}@bench.test`, "client", o.id));
    const policy = await currentDefaultPolicyVersion(tx);

    const insertVersion = sqlite.prepare(
      "insert into artifact_versions (id, artifact_id, number, kind, markdown, note, submitted_by, submitted_at) values (?, ?, ?, 'markdown', ?, '', ?, ?)",
    );
    const insertSprint = sqlite.prepare(
      "insert into sprints (id, project_id, number, goal, start_date, end_date, capacity_days, status, escaped_defects, version, created_at) values (?, ?, ?, ?, ?, ?, 40, ?, ?, 1, ?)",
    );
    const projectIds: string[] = [];
    const now = new Date().toISOString();
    let versions = 0;
    for (let i = 0; i < PROJECTS; i++) {
      const org = orgs[i % orgs.length];
      const current = 2 + (i % 6); // gates 7..2
      const project = await one(tx
        .insert(projects)
        .values({
          organizationId: org.id,
          name: `Bench rollout ${String(i).padStart(4, "0")}`,
          modules: ["Rating & charging", "Invoicing"],
          startDate: day(i % 200),
          targetGoLiveDate: day(300 + (i % 300)),
          sizeClass: (["small", "standard", "large"] as const)[i % 3],
          policyVersionId: policy.id,
        })
        .returning());
      projectIds.push(project.id);
      await tx.insert(projectMembers)
        .values([
          { projectId: project.id, userId: pm.id, role: "project_manager" },
          { projectId: project.id, userId: engineer.id, role: "team_member" },
          { projectId: project.id, userId: owners[i % owners.length].id, role: "client_owner" },
        ]);
      await instantiateGates(tx, project, policy.gates);
      const projectGates = await tx.select().from(gates).where(eq(gates.projectId, project.id));
      await tx.insert(gateBoardMembers)
        .values(projectGates.map((g) => ({ gateId: g.id, userId: board.id, required: true })))
        .onConflictDoNothing();
      for (const gate of projectGates) {
        const passed = gate.number > current;
        const inReview = gate.number === current;
        if (passed || inReview) {
          await tx.update(gates)
            .set(passed ? { status: "go", decision: "go", decidedAt: now, decidedBy: board.id, submittedAt: now } : { status: "in_review", submittedAt: now, submittedBy: pm.id })
            .where(eq(gates.id, gate.id));
        }
        await tx.update(gates).set({ plannedDate: day(30 * (8 - gate.number) + (i % 60)) }).where(eq(gates.id, gate.id));
        const gateArtifacts = await tx.select().from(artifacts).where(eq(artifacts.gateId, gate.id));
        for (const artifact of gateArtifacts) {
          const count = passed || inReview ? 2 + ((i + artifact.title.length) % 5) : 0;
          for (let n = 1; n <= count && versions < VERSIONS_TARGET; n++) {
            insertVersion.run(randomUUID(), artifact.id, n, `# ${artifact.title}\n\nVersion ${n}.`, engineer.id, now);
            versions++;
          }
          if (count) await tx.update(artifacts).set({ status: passed ? "approved" : "submitted" }).where(eq(artifacts.id, artifact.id));
        }
      }
      await tx.update(projects).set({ currentGate: current }).where(eq(projects.id, project.id));
      for (let s = 1; s <= SPRINTS_PER_PROJECT; s++) {
        const status = s <= 12 ? "accepted" : s === 13 ? "in_review" : s === 14 ? "active" : "planned";
        insertSprint.run(randomUUID(), project.id, s, `Increment ${s}`, day(s * 14), day(s * 14 + 13), status, s % 7 === 0 ? 1 : 0, now);
      }
    }

    // One project with 2,000 scope items in three releases.
    const scopeProjectId = projectIds[0];
    const insertRelease = sqlite.prepare("insert into releases (id, project_id, number, name, scope, created_at) values (?, ?, ?, ?, '', ?)");
    const releaseIds = [1, 2, 3].map((n) => {
      const id = randomUUID();
      insertRelease.run(id, scopeProjectId, n, n === 1 ? "MVP" : `Release ${n}`, now);
      return id;
    });
    const insertScope = sqlite.prepare(
      "insert into scope_items (id, project_id, release_id, title, category, priority, estimate_days, status, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
    );
    const categories = ["configuration", "interconnection", "localization", "migration", "training", "reporting", "other"];
    const priorities = ["must", "should", "could", "wont"];
    for (let k = 0; k < 2000; k++) {
      insertScope.run(randomUUID(), scopeProjectId, releaseIds[k % 3], `Scope item ${k}`, categories[k % 7], priorities[k % 4], 1 + (k % 8), k % 3 === 0 ? "done" : "planned", now, now);
    }

    // 200,000 audit events on one valid hash chain.
    const insertAudit = sqlite.prepare(
      "insert into audit_events (id, at, actor_id, actor_email, actor_role, action, object_type, object_id, project_id, before, after, ip, user_agent, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, '127.0.0.1', 'bench', ?, ?)",
    );
    let previousHash = (sqlite.prepare("select hash from audit_events order by seq desc limit 1").get() as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
    const existing = (sqlite.prepare("select count(*) as n from audit_events").get() as { n: number }).n;
    const start = Date.now() - AUDIT_EVENTS * 1000;
    for (let k = existing; k < AUDIT_EVENTS; k++) {
      const projectId = projectIds[k % projectIds.length];
      const event = {
        id: randomUUID(),
        at: new Date(start + k * 1000).toISOString(),
        actorId: pm.id,
        actorEmail: pm.email,
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
      const hash = hashEvent(event);
      insertAudit.run(event.id, event.at, event.actorId, event.actorEmail, event.actorRole, event.action, event.objectType, event.objectId, event.projectId, JSON.stringify(event.after), previousHash, hash);
      previousHash = hash;
    }
    void admin;
    return { projectIds, scopeProjectId };
  });
}
