// Names for a page of audit events, so the trail reads "Paula Martins approved Statement of Work"
// instead of ids: the actors in one query, and each object type's titles in one query for the
// whole page (never one query per event). Callers pass events the reader was already allowed to
// read; a title is looked up by the event's own object id, so nothing outside those events is read.
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  apiTokens,
  artifacts,
  clientOrganizations,
  escalations,
  externalSystems,
  gateConditions,
  gatePolicies,
  gatePolicyVersions,
  gates,
  guardians,
  interfaces,
  migrationWaves,
  paymentMilestones,
  projects,
  qualityActivities,
  qualitySelections,
  qualityStandards,
  releases,
  scopeBaselines,
  scopeItems,
  sites,
  sprints,
  statusReports,
  trainingMaterials,
  trainingModules,
  trainingSessions,
  users,
  validationRuns,
} from "@/db/schema";
import { auditWordsFor, nameWords, type AuditWords } from "@/lib/audit-words";
import { valueWords } from "@/lib/audit-sentence-words";
import type { AuditNames } from "@/lib/domain/audit-sentence";
import { formatFor, type Format } from "@/lib/i18n/format";

type Title = { id: string; title: string; gate?: number | null };
/** The reader's words and formatter, for the names built from words ("Sprint 3", "the … session of 4 Dec 2026"). */
type Say = { words: AuditWords; format: Format };
type Resolver = (db: DbOrTx, ids: string[], say: Say) => Promise<Title[]>;

const byName =
  (
    table:
      | typeof interfaces
      | typeof externalSystems
      | typeof migrationWaves
      | typeof sites
      | typeof trainingModules
      | typeof clientOrganizations
      | typeof apiTokens
      | typeof users,
  ): Resolver =>
  async (db, ids) =>
    await db.select({ id: table.id, title: table.name }).from(table).where(inArray(table.id, ids));

/** Object type → one query for all its ids on the page. */
const RESOLVERS: Record<string, Resolver> = {
  project: async (db, ids) =>
    await db.select({ id: projects.id, title: projects.name }).from(projects).where(inArray(projects.id, ids)),
  artifact: async (db, ids) =>
    await db
      .select({ id: artifacts.id, title: artifacts.title, gate: gates.number })
      .from(artifacts)
      .innerJoin(gates, eq(gates.id, artifacts.gateId))
      .where(inArray(artifacts.id, ids)),
  gate: async (db, ids) =>
    await db.select({ id: gates.id, title: gates.name, gate: gates.number }).from(gates).where(inArray(gates.id, ids)),
  gate_condition: async (db, ids) =>
    await db
      .select({ id: gateConditions.id, title: gateConditions.text, gate: gates.number })
      .from(gateConditions)
      .innerJoin(gates, eq(gates.id, gateConditions.gateId))
      .where(inArray(gateConditions.id, ids)),
  sprint: async (db, ids, { words }) =>
    (await db.select({ id: sprints.id, n: sprints.number }).from(sprints).where(inArray(sprints.id, ids))).map((s) => ({
      id: s.id,
      title: nameWords.sprint(words, s.n),
    })),
  release: async (db, ids, { words }) =>
    (
      await db
        .select({ id: releases.id, n: releases.number, name: releases.name })
        .from(releases)
        .where(inArray(releases.id, ids))
    ).map((r) => ({ id: r.id, title: nameWords.release(words, r.n, r.name) })),
  scope_item: async (db, ids) =>
    await db.select({ id: scopeItems.id, title: scopeItems.title }).from(scopeItems).where(inArray(scopeItems.id, ids)),
  scope_baseline: async (db, ids, { words }) =>
    (
      await db
        .select({ id: scopeBaselines.id, v: scopeBaselines.version })
        .from(scopeBaselines)
        .where(inArray(scopeBaselines.id, ids))
    ).map((b) => ({ id: b.id, title: nameWords.baselineVersion(words, b.v) })),
  escalation: async (db, ids) =>
    await db
      .select({ id: escalations.id, title: escalations.title })
      .from(escalations)
      .where(inArray(escalations.id, ids)),
  guardian: async (db, ids) =>
    await db
      .select({ id: guardians.id, title: users.name })
      .from(guardians)
      .innerJoin(users, eq(users.id, guardians.userId))
      .where(inArray(guardians.id, ids)),
  user: byName(users),
  client_organization: byName(clientOrganizations),
  interface: byName(interfaces),
  external_system: byName(externalSystems),
  migration_wave: byName(migrationWaves),
  site: byName(sites),
  training_module: byName(trainingModules),
  api_token: byName(apiTokens),
  training_material: async (db, ids) =>
    await db
      .select({ id: trainingMaterials.id, title: trainingMaterials.title })
      .from(trainingMaterials)
      .where(inArray(trainingMaterials.id, ids)),
  training_session: async (db, ids, { words, format }) =>
    (
      await db
        .select({ id: trainingSessions.id, module: trainingModules.name, startsAt: trainingSessions.startsAt })
        .from(trainingSessions)
        .innerJoin(trainingModules, eq(trainingModules.id, trainingSessions.moduleId))
        .where(inArray(trainingSessions.id, ids))
    ).map((s) => ({ id: s.id, title: nameWords.trainingSession(words, s.module, format.date(s.startsAt)) })),
  validation_run: async (db, ids, { words }) =>
    (
      await db
        .select({ id: validationRuns.id, env: validationRuns.environment })
        .from(validationRuns)
        .where(inArray(validationRuns.id, ids))
    ).map((r) => ({ id: r.id, title: nameWords.validationRun(words, valueWords(words, r.env)) })),
  payment_milestone: async (db, ids, { words }) =>
    (
      await db
        .select({ id: paymentMilestones.id, n: sprints.number })
        .from(paymentMilestones)
        .leftJoin(sprints, eq(sprints.id, paymentMilestones.sprintId))
        .where(inArray(paymentMilestones.id, ids))
    ).map((m) => ({ id: m.id, title: nameWords.milestoneOfSprint(words, m.n) })),
  quality_selection: async (db, ids, { words }) =>
    (
      await db
        .select({ id: qualitySelections.id, sprint: sprints.number, release: releases.number })
        .from(qualitySelections)
        .leftJoin(sprints, eq(sprints.id, qualitySelections.sprintId))
        .leftJoin(releases, eq(releases.id, qualitySelections.releaseId))
        .where(inArray(qualitySelections.id, ids))
    ).map((q) => ({
      id: q.id,
      title:
        q.sprint !== null
          ? nameWords.sprint(words, q.sprint)
          : q.release !== null
            ? nameWords.releaseNumber(words, q.release)
            : nameWords.selection(words),
    })),
  quality_standard: async (db, ids) =>
    (
      await db
        .select({ id: qualityStandards.id, level: qualityStandards.level, name: qualityStandards.name })
        .from(qualityStandards)
        .where(inArray(qualityStandards.id, ids))
    ).map((q) => ({ id: q.id, title: `${q.level} ${q.name}` })),
  quality_activity: async (db, ids) =>
    await db
      .select({ id: qualityActivities.id, title: qualityActivities.name })
      .from(qualityActivities)
      .where(inArray(qualityActivities.id, ids)),
  gate_policy_version: async (db, ids, { words }) =>
    (
      await db
        .select({ id: gatePolicyVersions.id, name: gatePolicies.name, v: gatePolicyVersions.version })
        .from(gatePolicyVersions)
        .innerJoin(gatePolicies, eq(gatePolicies.id, gatePolicyVersions.policyId))
        .where(inArray(gatePolicyVersions.id, ids))
    ).map((p) => ({ id: p.id, title: nameWords.policyVersion(words, p.name, p.v) })),
  status_report: async (db, ids, { words, format }) =>
    (
      await db
        .select({ id: statusReports.id, weekOf: statusReports.weekOf })
        .from(statusReports)
        .where(inArray(statusReports.id, ids))
    ).map((r) => ({ id: r.id, title: nameWords.statusReportWeek(words, format.date(r.weekOf)) })),
};

export type NamedEvent = {
  id: string;
  actor: { id: string | null; email: string | null } | null;
  objectType: string;
  objectId: string;
  projectId: string | null;
};

/**
 * Names for each event (by event id). `withProject` adds the project's name, for trails that span
 * projects (the administrators' one); a project's own trail leaves it out. `words` and `format` are
 * the reader's (a page passes its request's); without them the names are English, dates in UTC.
 */
export async function auditNames(
  db: DbOrTx,
  events: NamedEvent[],
  options: { withProject: boolean; words?: AuditWords; format?: Format },
): Promise<Map<string, AuditNames>> {
  const say: Say = {
    words: options.words ?? (await auditWordsFor("en")),
    format: options.format ?? formatFor("en", "UTC"),
  };
  const actorIds = [...new Set(events.map((e) => e.actor?.id).filter((id): id is string => Boolean(id)))];
  const actors = new Map(
    actorIds.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds))).map(
          (u) => [u.id, u.name],
        )
      : [],
  );

  const idsByType = new Map<string, Set<string>>();
  for (const e of events) {
    if (!RESOLVERS[e.objectType]) continue;
    if (!idsByType.has(e.objectType)) idsByType.set(e.objectType, new Set());
    idsByType.get(e.objectType)!.add(e.objectId);
  }
  const titles = new Map<string, Title>();
  for (const [type, ids] of idsByType) {
    for (const t of await RESOLVERS[type](db, [...ids], say)) titles.set(`${type}:${t.id}`, t);
  }

  const projectIds = options.withProject
    ? [...new Set(events.map((e) => e.projectId).filter((id): id is string => Boolean(id)))]
    : [];
  const projectNames = new Map(
    projectIds.length
      ? (
          await db
            .select({ id: projects.id, name: projects.name })
            .from(projects)
            .where(inArray(projects.id, projectIds))
        ).map((p) => [p.id, p.name])
      : [],
  );

  return new Map(
    events.map((e) => {
      const title = titles.get(`${e.objectType}:${e.objectId}`);
      return [
        e.id,
        {
          actor: (e.actor?.id ? actors.get(e.actor.id) : undefined) ?? e.actor?.email ?? null,
          object: title?.title ?? null,
          gate: title?.gate ?? null,
          project: e.projectId ? (projectNames.get(e.projectId) ?? null) : null,
        },
      ];
    }),
  );
}
