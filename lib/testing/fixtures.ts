// Builders for integration tests: a real database migrated from db/migrations, in memory.
import { openDatabase, type Db } from "@/db/client";
import { eq } from "drizzle-orm";
import { clientOrganizations, gates, projectMembers, users, type GlobalRole, type ProjectRole, type SizeClass } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { createProject } from "@/lib/data/projects";
import type { Actor } from "@/lib/domain/permissions";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

export function createTestDb(): Db {
  return openDatabase(":memory:");
}

// A fixed, valid argon2id hash (of "correct horse battery") so fixtures stay fast.
export const TEST_PASSWORD = "correct horse battery";
export const TEST_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$IUdj1b4mPzO3loksa6AQnA$azfZS1E1bnOCIW+hwhOb0YEiZZ7kAwIc3NikljXtkvk";

export function makeOrganization(db: Db, name = unique("Org")) {
  return db.insert(clientOrganizations).values({ name, sector: "energy", country: "Germany" }).returning().get();
}

export function makeUser(db: Db, role: GlobalRole, organizationId: string | null = null, email = `${unique(role)}@test.example`): Actor {
  const user = db
    .insert(users)
    .values({ email, name: email.split("@")[0], role, organizationId, passwordHash: TEST_PASSWORD_HASH })
    .returning()
    .get();
  return { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId };
}

export const ctxFor = (actor: Actor): RequestContext => ({ actor, ip: "127.0.0.1", userAgent: "vitest" });

/** A project created by `pm` through the real data layer, with extra members. */
export function makeProject(
  db: Db,
  pm: Actor,
  organizationId: string,
  options: { sizeClass?: SizeClass; members?: [Actor, ProjectRole][]; name?: string } = {},
) {
  const project = createProject(db, ctxFor(pm), {
    organizationId,
    name: options.name ?? unique("Project"),
    description: "",
    modules: ["Invoicing"],
    sowReference: "SOW-1",
    startDate: "2026-01-01",
    targetGoLiveDate: "2026-12-31",
    sizeClass: options.sizeClass ?? "standard",
  });
  for (const [actor, role] of options.members ?? []) {
    db.insert(projectMembers).values({ projectId: project.id, userId: actor.id, role }).run();
  }
  // Tests plan gates themselves: proposed dates would make health depend on the day tests run.
  db.update(gates).set({ plannedDate: null }).where(eq(gates.projectId, project.id)).run();
  return project;
}

/** The usual cast: a vendor PM, engineer, integrator, client owner, guardian and viewer on one project, plus outsiders. */
export function makeWorld(db: Db) {
  const org = makeOrganization(db);
  const otherOrg = makeOrganization(db);
  const admin = makeUser(db, "admin");
  const pm = makeUser(db, "staff");
  const engineer = makeUser(db, "staff");
  const integrator = makeUser(db, "staff");
  const boardMember = makeUser(db, "staff");
  const outsiderStaff = makeUser(db, "staff");
  const owner = makeUser(db, "client", org.id);
  const guardian = makeUser(db, "client", org.id);
  const viewer = makeUser(db, "client", org.id);
  const otherViewer = makeUser(db, "client", otherOrg.id);
  const project = makeProject(db, pm, org.id, {
    members: [
      [engineer, "team_member"],
      [integrator, "integrator"],
      [owner, "client_owner"],
      [guardian, "guardian"],
      [viewer, "client_viewer"],
    ],
  });
  return { org, otherOrg, admin, pm, engineer, integrator, boardMember, outsiderStaff, owner, guardian, viewer, otherViewer, project };
}
