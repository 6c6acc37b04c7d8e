// Builders for integration tests: a real database migrated from db/migrations, in memory.
import { inject } from "vitest";
import { closeDatabase, openDatabase, type Db, one, transaction } from "@/db/client";
import { openPostgres } from "@/db/postgres";
import { databaseDialect } from "@/db/url";
import pg from "pg";
import { resetToTemplate } from "@/lib/testing/postgres-reset";
import { claimWorkerDatabase, createNamedDatabase, dropDatabase } from "@/lib/testing/postgres-server";
import { eq } from "drizzle-orm";
import {
  clientOrganizations,
  gates,
  projectMembers,
  users,
  type GlobalRole,
  type ProjectRole,
  type SizeClass,
} from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { createProject } from "@/lib/data/projects";
import type { Actor } from "@/lib/domain/permissions";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

/**
 * A fresh, migrated database for one test: SQLite in memory, or (under vitest.pg.config.ts, where
 * DATABASE_URL is a postgres:// URL) the PostgreSQL database of this vitest worker slot, reset to
 * the migrated template's state (lib/testing/postgres-reset.ts says what that covers). The pools
 * the previous test got from here are closed first. A database whose schema a test changed is
 * replaced by a new copy of the template.
 */
export async function createTestDb(): Promise<Db> {
  if (databaseDialect() !== "postgres") return openDatabase(":memory:");
  const adminUrl = inject("postgresAdminUrl");
  // A pool whose connection a test left checked out never finishes closing: the reset's
  // termination of every session on the database ends it.
  const closing = Promise.all(pools.splice(0).map((pool) => closeDatabase(pool).catch(() => undefined)));
  await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  if (!worker) {
    const { url, reused } = await claimWorkerDatabase(adminUrl);
    worker = { url, resetter: resetterFor(url) };
    if (reused) await resetWorkerDatabase(adminUrl);
  } else {
    await resetWorkerDatabase(adminUrl);
  }
  return track(openPostgres(worker.url, { max: 4, idleTimeoutMillis: 1000 }));
}

// This process's database and a superuser connection to it that resets it; the pools handed out.
let worker: { url: string; resetter: pg.Pool } | null = null;
const pools: Db[] = [];

function track(db: Db): Db {
  pools.push(db);
  return db;
}

function resetterFor(url: string): pg.Pool {
  const resetter = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  // Another process taking the database over (claimWorkerDatabase), or a drop, ends this connection.
  resetter.on("error", () => undefined);
  return resetter;
}

async function resetWorkerDatabase(adminUrl: string) {
  const current = worker!;
  if (await resetToTemplate(current.resetter, inject("postgresTemplate"))) return;
  // Its schema was changed: drop it (connections and all, the resetter's too, whose pool ignores
  // that) and copy the template again.
  const name = new URL(current.url).pathname.slice(1);
  await dropDatabase(adminUrl, name);
  await current.resetter.end();
  await createNamedDatabase(adminUrl, name);
  worker = { url: current.url, resetter: resetterFor(current.url) };
}

/** The URL of a database createTestDb() gave: for tests that connect to it in their own way. */
export function testDatabaseUrl(db: Db): string {
  if (!worker || !pools.includes(db)) throw new Error("testDatabaseUrl needs a database createTestDb gave");
  return worker.url;
}

/**
 * A second pool on the PostgreSQL database of `db` (from createTestDb): another instance of the
 * app on the same data, for tests of work shared between instances. Closed with closeDatabase(),
 * or at the next createTestDb().
 */
export function secondInstanceOf(db: Db): Db {
  if (!worker || pools[0] !== db) throw new Error("secondInstanceOf needs the database createTestDb gave last");
  return track(openPostgres(worker.url, { max: 4, idleTimeoutMillis: 1000 }));
}

// A fixed, valid argon2id hash (of "correct horse battery") so fixtures stay fast.
export const TEST_PASSWORD = "correct horse battery";
export const TEST_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$IUdj1b4mPzO3loksa6AQnA$azfZS1E1bnOCIW+hwhOb0YEiZZ7kAwIc3NikljXtkvk";

export async function makeOrganization(db: Db, name = unique("Org")) {
  return await transaction(db, (tx) =>
    one(tx.insert(clientOrganizations).values({ name, sector: "energy", country: "Germany" }).returning()),
  );
}

export async function makeUser(
  db: Db,
  role: GlobalRole,
  organizationId: string | null = null,
  email = `${unique(role)}@test.example`,
): Promise<Actor> {
  const user = await transaction(db, (tx) =>
    one(
      tx
        .insert(users)
        .values({ email, name: email.split("@")[0], role, organizationId, passwordHash: TEST_PASSWORD_HASH })
        .returning(),
    ),
  );
  return { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId };
}

export const ctxFor = (actor: Actor): RequestContext => ({ actor, ip: "127.0.0.1", userAgent: "vitest" });

/** A project created by `pm` through the real data layer, with extra members. */
export async function makeProject(
  db: Db,
  pm: Actor,
  organizationId: string,
  options: { sizeClass?: SizeClass; members?: [Actor, ProjectRole][]; name?: string } = {},
) {
  const project = await createProject(db, ctxFor(pm), {
    organizationId,
    name: options.name ?? unique("Project"),
    description: "",
    modules: ["Invoicing"],
    sowReference: "SOW-1",
    startDate: "2026-01-01",
    targetGoLiveDate: "2026-12-31",
    sizeClass: options.sizeClass ?? "standard",
  });
  await transaction(db, async (tx) => {
    for (const [actor, role] of options.members ?? []) {
      await tx.insert(projectMembers).values({ projectId: project.id, userId: actor.id, role });
    }
    // Tests plan gates themselves: proposed dates would make health depend on the day tests run.
    await tx.update(gates).set({ plannedDate: null }).where(eq(gates.projectId, project.id));
  });
  return project;
}

/** The usual cast: a vendor PM, engineer, integrator, client owner, guardian and viewer on one project, plus outsiders.
 * */
export async function makeWorld(db: Db) {
  const org = await makeOrganization(db);
  const otherOrg = await makeOrganization(db);
  const admin = await makeUser(db, "admin");
  const pm = await makeUser(db, "staff");
  const engineer = await makeUser(db, "staff");
  const integrator = await makeUser(db, "staff");
  const boardMember = await makeUser(db, "staff");
  const outsiderStaff = await makeUser(db, "staff");
  const owner = await makeUser(db, "client", org.id);
  const guardian = await makeUser(db, "client", org.id);
  const viewer = await makeUser(db, "client", org.id);
  const otherViewer = await makeUser(db, "client", otherOrg.id);
  const project = await makeProject(db, pm, org.id, {
    members: [
      [engineer, "team_member"],
      [integrator, "integrator"],
      [owner, "client_owner"],
      [guardian, "guardian"],
      [viewer, "client_viewer"],
    ],
  });
  return {
    org,
    otherOrg,
    admin,
    pm,
    engineer,
    integrator,
    boardMember,
    outsiderStaff,
    owner,
    guardian,
    viewer,
    otherViewer,
    project,
  };
}
