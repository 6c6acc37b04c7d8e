import { and, asc, eq, gt, inArray, or, sql, type SQL } from "drizzle-orm";
import { knownLanguages } from "@/lib/domain/localized-text";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { likeIgnoringCase } from "@/db/sql";
import {
  clientOrganizations,
  gateBoardMembers,
  gatePolicyVersions,
  gates,
  projectMembers,
  projects,
  users,
  type Project,
} from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess } from "@/lib/data/access";
import { afterKey, decodeCursor, pageOf } from "@/lib/data/cursor";
import { ownCommand, projectCommand } from "@/lib/data/command";
import { instantiateGates } from "@/lib/data/gate-setup";
import { refreshProjectHealth } from "@/lib/data/health";
import { checkKeyPeople, policyVersionFor, seatOnEveryBoard } from "@/lib/data/project-setup";
import type { ProjectRole } from "@/db/enums";
import { readHealthReasons, type HealthReason } from "@/lib/domain/health";
import { canCreateProject, type Actor } from "@/lib/domain/permissions";
import { AppError, forbidden } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale";
import type { createProjectSchema, updateProjectSchema } from "@/lib/validation/projects";
import type { z } from "zod";

const CLIENT_ROLES = ["client_owner", "guardian", "client_viewer"] as const;
const VENDOR_ROLES = ["project_manager", "team_member", "integrator"] as const;

/** SQL condition: the projects this actor may see (same rule as lib/domain/permissions). */
export function visibleProjectsWhere(actor: Actor): SQL | undefined {
  if (actor.role === "admin") return undefined;
  const roles = actor.role === "client" ? CLIENT_ROLES : VENDOR_ROLES;
  const member = sql`(exists (select 1 from ${projectMembers}
      where ${projectMembers.projectId} = ${projects.id} and ${projectMembers.userId} = ${actor.id}
      and ${inArray(projectMembers.role, [...roles])})
    or exists (select 1 from ${gateBoardMembers} join ${gates} on ${gates.id} = ${gateBoardMembers.gateId}
      where ${gates.projectId} = ${projects.id} and ${gateBoardMembers.userId} = ${actor.id}))`;
  if (actor.role === "client") {
    return and(eq(projects.organizationId, actor.organizationId ?? "-"), member);
  }
  return member;
}

/**
 * How a view says a health reason. The API's default keeps its data language-neutral: the rule's
 * English sentence. A page passes the reader's words (lib/health-words healthReasonWords).
 */
export type SayHealthReason = (reason: HealthReason) => string;
const englishReason: SayHealthReason = (reason) => reason.text;

/** The public shape of a project (DESIGN.md §6 field names). */
export function projectView(
  project: Project,
  organization: { id: string; name: string },
  actor: Actor,
  sayReason: SayHealthReason = englishReason,
) {
  return {
    id: project.id,
    name: project.name,
    clientOrganization: { id: organization.id, name: organization.name },
    status: project.status,
    sizeClass: project.sizeClass,
    language: project.language,
    currentGate: project.currentGate,
    health: project.health,
    healthReasons: readHealthReasons(project.healthReasons, project.health).map(sayReason),
    startDate: project.startDate,
    targetGoLiveDate: project.targetGoLiveDate,
    modules: project.modules,
    sowReference: project.sowReference,
    description: project.description,
    version: project.version,
    ...(actor.role !== "client" ? { internalNotes: project.internalNotes } : {}),
  };
}
export type ProjectView = ReturnType<typeof projectView>;

export async function listProjects(
  db: DbOrTx,
  actor: Actor,
  options: { limit: number; cursor?: string | null; q?: string; status?: Project["status"] },
  sayReason?: SayHealthReason,
) {
  const conditions: (SQL | undefined)[] = [visibleProjectsWhere(actor)];
  if (options.q) {
    const pattern = `%${options.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(likeIgnoringCase(projects.name, pattern), likeIgnoringCase(clientOrganizations.name, pattern)));
  }
  if (options.status) conditions.push(eq(projects.status, options.status));
  if (options.cursor) {
    const [name, id] = decodeCursor(options.cursor, ["string", "string"]);
    conditions.push(or(gt(projects.name, name), and(eq(projects.name, name), gt(projects.id, id))));
  }
  const rows = await db
    .select({ project: projects, organization: { id: clientOrganizations.id, name: clientOrganizations.name } })
    .from(projects)
    .innerJoin(clientOrganizations, eq(clientOrganizations.id, projects.organizationId))
    .where(and(...conditions))
    .orderBy(asc(projects.name), asc(projects.id))
    .limit(options.limit + 1);
  return pageOf(
    rows,
    options.limit,
    (r) => [r.project.name, r.project.id],
    (r) => projectView(r.project, r.organization, actor, sayReason),
  );
}

export async function getProject(db: DbOrTx, actor: Actor, projectId: string, sayReason?: SayHealthReason) {
  const access = await loadProjectAccess(db, actor, projectId);
  const organization = (await first(
    db
      .select({
        id: clientOrganizations.id,
        name: clientOrganizations.name,
        sector: clientOrganizations.sector,
        country: clientOrganizations.country,
      })
      .from(clientOrganizations)
      .where(eq(clientOrganizations.id, access.project.organizationId)),
  ))!;
  return { project: projectView(access.project, organization, actor, sayReason), organization, access };
}

/**
 * The project's members with their roles, by name. With `page`, at most `limit + 1` members after
 * the cursor's (name, id): the people are paged in SQL first, then their roles read.
 */
export async function listProjectMembers(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page?: { limit: number; cursor?: string | null },
) {
  await loadProjectAccess(db, actor, projectId);
  let people: SQL | undefined;
  if (page) {
    const after = page.cursor ? decodeCursor(page.cursor, ["string", "string"]) : null;
    const ids = (
      await db
        .selectDistinct({ id: users.id, name: users.name })
        .from(projectMembers)
        .innerJoin(users, eq(users.id, projectMembers.userId))
        .where(and(eq(projectMembers.projectId, projectId), afterKey([users.name, users.id], after)))
        .orderBy(asc(users.name), asc(users.id))
        .limit(page.limit + 1)
    ).map((person) => person.id);
    if (!ids.length) return [];
    people = inArray(users.id, ids);
  }
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      globalRole: users.role,
      role: projectMembers.role,
      disabledAt: users.disabledAt,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), people))
    .orderBy(asc(users.name), asc(users.id));
  const byUser = new Map<
    string,
    { userId: string; name: string; email: string; globalRole: string; disabled: boolean; roles: ProjectRole[] }
  >();
  for (const r of rows) {
    const entry = byUser.get(r.userId) ?? {
      userId: r.userId,
      name: r.name,
      email: r.email,
      globalRole: r.globalRole,
      disabled: Boolean(r.disabledAt),
      roles: [],
    };
    entry.roles.push(r.role);
    byUser.set(r.userId, entry);
  }
  return [...byUser.values()];
}

/**
 * Creates a project in one step: bound to the chosen policy's latest version (default: the
 * light-gating policy), its creator as PM, the key people as members, each seated on the
 * default boards the policy gives their role, and every gate with a proposed planned date.
 */
export async function createProject(
  db: Db,
  ctx: RequestContext,
  // The language may be left out by callers in code (English, as the schema's default).
  input: Omit<z.infer<typeof createProjectSchema>, "language"> & { language?: Locale },
): Promise<Project> {
  if (!canCreateProject(ctx.actor))
    throw forbidden("Only vendor staff can create projects.", { problem: "vendorCreatesProjects" });
  // Not a projectCommand: there is no project yet to load, authorize on or version-check.
  return await ownCommand(db, ctx, async ({ tx, audit }) => {
    const organization = await first(
      tx.select().from(clientOrganizations).where(eq(clientOrganizations.id, input.organizationId)),
    );
    if (!organization) {
      throw new AppError(
        "invalid_input",
        "Choose a client organisation.",
        "invalid_input",
        {
          fieldErrors: { organizationId: ["Unknown client organisation."] },
        },
        { problem: "chooseClientOrganisation", fields: { organizationId: "unknownClientOrganisation" } },
      );
    }
    const policy = await policyVersionFor(tx, input.policyId);
    const people = await checkKeyPeople(tx, organization.id, input);
    const { policyId, clientOwnerId, members, ...given } = input;
    const fields = { ...given, language: given.language ?? "en" };
    void policyId;
    void clientOwnerId;
    void members;
    // Gates are passed from the policy's highest number down (a six-step policy starts at 6).
    const firstGate = Math.max(...policy.gates.map((g) => g.number));
    const project = await one(
      tx
        .insert(projects)
        .values({
          ...fields,
          policyVersionId: policy.id,
          ...(Number.isFinite(firstGate) ? { currentGate: firstGate } : {}),
        })
        .returning(),
    );
    await tx.insert(projectMembers).values({ projectId: project.id, userId: ctx.actor.id, role: "project_manager" });
    if (people.length) {
      await tx
        .insert(projectMembers)
        .values(people.map((p) => ({ projectId: project.id, userId: p.userId, role: p.role })))
        .onConflictDoNothing();
    }
    await instantiateGates(tx, project, policy.gates, knownLanguages(policy.languages)[0]);
    await seatOnEveryBoard(tx, project.id, people);
    audit({
      action: "project.create",
      objectType: "project",
      objectId: project.id,
      projectId: project.id,
      after: {
        ...fields,
        policyVersionId: policy.id,
        policyVersion: policy.version,
        currentGate: project.currentGate,
        members: people,
      },
    });
    return project;
  });
}

export async function updateProject(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof updateProjectSchema>,
): Promise<Project> {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "project.edit",
    expectedVersion: input.expectedVersion,
    run: async ({ tx, project, audit }) => {
      const { projectId, expectedVersion, status, ...given } = input;
      void expectedVersion;
      // A field left out (the language, from an older client) stays as it is, and is not audited as changed.
      const fields = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<
        typeof given
      >;
      if (status && status !== project.status && !["active", "on_hold"].includes(status)) {
        throw new AppError(
          "rule_refused",
          "Projects are killed, made live or closed by their gates, not by editing.",
          "status_by_workflow",
          undefined,
          { problem: "statusByWorkflow" },
        );
      }
      const updated = await one(
        tx
          .update(projects)
          .set({
            ...fields,
            ...(status ? { status } : {}),
            version: project.version + 1,
            updatedAt: new Date().toISOString(),
          })
          .where(and(eq(projects.id, projectId), eq(projects.version, project.version)))
          .returning(),
      );
      const changed = Object.fromEntries(
        Object.entries(fields).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(project[k as keyof Project])),
      );
      // Status and target date feed the health rules.
      await refreshProjectHealth(tx, projectId);
      audit({
        action: "project.update",
        objectType: "project",
        objectId: projectId,
        before: Object.fromEntries(Object.keys(changed).map((k) => [k, project[k as keyof Project]])),
        after: changed,
      });
      return (await first(tx.select().from(projects).where(eq(projects.id, projectId)))) ?? updated;
    },
  });
}

/** Policy version a project is bound to (for seating new members on default boards). */
export async function projectPolicyGates(db: DbOrTx, project: Project) {
  if (!project.policyVersionId) return [];
  return (
    (await first(db.select().from(gatePolicyVersions).where(eq(gatePolicyVersions.id, project.policyVersionId))))
      ?.gates ?? []
  );
}
