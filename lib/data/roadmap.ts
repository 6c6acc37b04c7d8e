// Roadmap: releases and scope items, with every scope change logged (DESIGN.md §2 Release, ScopeItem).
// Every command goes through projectCommand (scope.edit).
import { and, asc, count, desc, eq, gt, isNull, like, or, sql, sum, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { releases, scopeBaselines, scopeChanges, scopeItems, sprints, users, type SCOPE_STATUSES } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess } from "@/lib/data/access";
import { type CommandScope, projectCommand } from "@/lib/data/command";
import { decodeCursor, pageOf } from "@/lib/data/cursor";
import type { Actor } from "@/lib/domain/permissions";
import { decideScopeChange, type ScopeFields } from "@/lib/domain/scope";
import { AppError, notFound, refused, staleVersion } from "@/lib/errors";
import type {
  addScopeItemInput,
  changeScopeItemInput,
  createReleaseInput,
  removeScopeItemInput,
} from "@/lib/contract/roadmap";
import type { scopeListQuery, updateReleaseSchema } from "@/lib/validation/roadmap";

export type ScopeStatus = (typeof SCOPE_STATUSES)[number];

/** The roadmap's releases by number: all of them, or a page (after the cursor's release number). */
export async function listReleases(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page?: { limit: number; cursor?: string | null },
) {
  await loadProjectAccess(db, actor, projectId);
  const after = page?.cursor ? decodeCursor(page.cursor, ["number"])[0] : null;
  const query = db
    .select()
    .from(releases)
    .where(and(eq(releases.projectId, projectId), after === null ? undefined : gt(releases.number, after)))
    .orderBy(asc(releases.number));
  return await (page ? query.limit(page.limit + 1) : query);
}

export async function createRelease(db: Db, ctx: RequestContext, input: z.infer<typeof createReleaseInput>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "scope.edit",
    run: async ({ tx, audit }) => {
      const last = await first(
        tx
          .select({ n: sql<number>`max(${releases.number})` })
          .from(releases)
          .where(eq(releases.projectId, input.projectId)),
      );
      const number = (last?.n ?? 0) + 1;
      const release = await one(
        tx
          .insert(releases)
          .values({
            projectId: input.projectId,
            number,
            name: input.name,
            scope: input.scope,
            targetDate: input.targetDate,
          })
          .returning(),
      );
      audit({
        action: "release.create",
        objectType: "release",
        objectId: release.id,
        after: { number, name: input.name },
      });
      return release;
    },
  });
}

export async function updateRelease(db: Db, ctx: RequestContext, input: z.infer<typeof updateReleaseSchema>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "scope.edit",
    // Releases carry no version: the last edit of name, scope and date wins.
    run: async ({ tx, audit }) => {
      const where = and(eq(releases.id, input.releaseId), eq(releases.projectId, input.projectId));
      const before = await first(tx.select().from(releases).where(where));
      if (!before) throw notFound("This release");
      const after = await one(
        tx
          .update(releases)
          .set({ name: input.name, scope: input.scope, targetDate: input.targetDate })
          .where(where)
          .returning(),
      );
      audit({
        action: "release.update",
        objectType: "release",
        objectId: before.id,
        before: { name: before.name, scope: before.scope, targetDate: before.targetDate },
        after: { name: after.name, scope: after.scope, targetDate: after.targetDate },
      });
      return after;
    },
  });
}

/** The MVP is release 1: created on demand so every project has one to scope against. */
export async function mvpRelease(tx: DbOrTx, projectId: string) {
  return (
    (await first(
      tx
        .select()
        .from(releases)
        .where(and(eq(releases.projectId, projectId), eq(releases.number, 1))),
    )) ?? null
  );
}

export async function isBaselined(tx: DbOrTx, projectId: string): Promise<boolean> {
  return Boolean(
    await first(
      tx.select({ id: scopeBaselines.id }).from(scopeBaselines).where(eq(scopeBaselines.projectId, projectId)).limit(1),
    ),
  );
}

async function assertRelease(tx: DbOrTx, projectId: string, releaseId: string | null) {
  if (!releaseId) return;
  const found = await first(
    tx
      .select({ id: releases.id })
      .from(releases)
      .where(and(eq(releases.id, releaseId), eq(releases.projectId, projectId))),
  );
  if (!found)
    throw new AppError(
      "invalid_input",
      "Choose a release of this project.",
      "invalid_input",
      {
        fieldErrors: { releaseId: ["Unknown release."] },
      },
      { problem: "chooseRelease", fields: { releaseId: "unknownRelease" } },
    );
}

const fieldsOf = (row: typeof scopeItems.$inferSelect): ScopeFields => ({
  title: row.title,
  category: row.category,
  priority: row.priority,
  estimateDays: row.estimateDays,
  status: row.status,
  releaseId: row.releaseId,
});

/** Writes the scope change log row and queues its audit event: every scope change has both. */
async function logChange(
  { tx, ctx, audit }: Pick<CommandScope<unknown>, "tx" | "ctx" | "audit">,
  projectId: string,
  scopeItemId: string,
  outcome: { change: "added" | "changed" | "removed"; before: unknown; after: unknown; reason: string },
) {
  const at = new Date().toISOString();
  await tx.insert(scopeChanges).values({
    projectId,
    scopeItemId,
    change: outcome.change,
    before: outcome.before,
    after: outcome.after,
    reason: outcome.reason,
    actorId: ctx.actor.id,
    at,
  });
  audit({
    action: `scope.${outcome.change}`,
    objectType: "scope_item",
    objectId: scopeItemId,
    before: outcome.before,
    after: { ...(outcome.after as object | null), reason: outcome.reason },
  });
}

export async function addScopeItem(db: Db, ctx: RequestContext, input: z.infer<typeof addScopeItemInput>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "scope.edit",
    run: async (scope) => {
      const { tx } = scope;
      await assertRelease(tx, input.projectId, input.releaseId);
      const fields: ScopeFields = {
        title: input.title,
        category: input.category,
        priority: input.priority,
        estimateDays: input.estimateDays,
        status: "proposed",
        releaseId: input.releaseId,
      };
      const outcome = decideScopeChange(null, fields, {
        baselined: await isBaselined(tx, input.projectId),
        reason: input.reason,
      });
      if (!outcome.ok) refused(outcome.refusal);
      const item = await one(
        tx
          .insert(scopeItems)
          .values({ projectId: input.projectId, ...fields })
          .returning(),
      );
      await logChange(scope, input.projectId, item.id, outcome);
      return item;
    },
  });
}

async function loadItem(tx: DbOrTx, projectId: string, scopeItemId: string) {
  const item = await first(
    tx
      .select()
      .from(scopeItems)
      .where(and(eq(scopeItems.id, scopeItemId), eq(scopeItems.projectId, projectId))),
  );
  if (!item) throw notFound("This scope item");
  return item;
}

export async function getScopeItem(db: DbOrTx, actor: Actor, projectId: string, scopeItemId: string) {
  await loadProjectAccess(db, actor, projectId);
  return await loadItem(db, projectId, scopeItemId);
}

async function deliveredInAcceptedSprint(tx: DbOrTx, item: typeof scopeItems.$inferSelect): Promise<boolean> {
  if (!item.sprintId) return false;
  const sprint = await first(tx.select({ status: sprints.status }).from(sprints).where(eq(sprints.id, item.sprintId)));
  return sprint?.status === "accepted";
}

export async function updateScopeItem(db: Db, ctx: RequestContext, input: z.infer<typeof changeScopeItemInput>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "scope.edit",
    load: (tx) => loadItem(tx, input.projectId, input.scopeItemId),
    expectedVersion: input.expectedVersion,
    run: async (scope) => {
      const { tx, target: item } = scope;
      await assertRelease(tx, input.projectId, input.releaseId);
      const next: ScopeFields = {
        title: input.title,
        category: input.category,
        priority: input.priority,
        estimateDays: input.estimateDays,
        status: input.status,
        releaseId: input.releaseId,
      };
      const outcome = decideScopeChange(fieldsOf(item), next, {
        baselined: await isBaselined(tx, input.projectId),
        reason: input.reason,
        committedToClosedSprint: await deliveredInAcceptedSprint(tx, item),
      });
      if (!outcome.ok) refused(outcome.refusal);
      const updated = await first(
        tx
          .update(scopeItems)
          .set({ ...next, version: item.version + 1, updatedAt: new Date().toISOString() })
          .where(
            and(
              eq(scopeItems.id, item.id),
              eq(scopeItems.projectId, input.projectId),
              eq(scopeItems.version, item.version),
            ),
          )
          .returning(),
      );
      if (!updated) throw staleVersion("this item");
      await logChange(scope, input.projectId, item.id, outcome);
      return updated;
    },
  });
}

/** Removal keeps the row (as dropped) so its change history stays. */
export async function removeScopeItem(db: Db, ctx: RequestContext, input: z.infer<typeof removeScopeItemInput>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "scope.edit",
    load: (tx) => loadItem(tx, input.projectId, input.scopeItemId),
    expectedVersion: input.expectedVersion,
    run: async (scope) => {
      const { tx, target: item } = scope;
      const outcome = decideScopeChange(fieldsOf(item), null, {
        baselined: await isBaselined(tx, input.projectId),
        reason: input.reason,
        committedToClosedSprint: await deliveredInAcceptedSprint(tx, item),
      });
      if (!outcome.ok) refused(outcome.refusal);
      await tx
        .update(scopeItems)
        .set({ status: "dropped", sprintId: null, version: item.version + 1, updatedAt: new Date().toISOString() })
        .where(and(eq(scopeItems.id, item.id), eq(scopeItems.projectId, input.projectId)));
      await logChange(scope, input.projectId, item.id, outcome);
    },
  });
}

/** One page of scope items (keyset pagination, so 2,000+ items stay fast). releaseId "none" = unassigned. */
export async function listScopeItems(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  query: z.infer<typeof scopeListQuery> & { cursor?: string | null },
) {
  await loadProjectAccess(db, actor, projectId);
  const conditions: (SQL | undefined)[] = [eq(scopeItems.projectId, projectId)];
  if (query.releaseId === "none") conditions.push(isNull(scopeItems.releaseId));
  else if (query.releaseId) conditions.push(eq(scopeItems.releaseId, query.releaseId));
  if (query.category) conditions.push(eq(scopeItems.category, query.category));
  if (query.status) conditions.push(eq(scopeItems.status, query.status));
  if (query.q) conditions.push(like(scopeItems.title, `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, ["string", "string"]);
    conditions.push(
      or(gt(scopeItems.createdAt, createdAt), and(eq(scopeItems.createdAt, createdAt), gt(scopeItems.id, id))),
    );
  }
  const rows = await db
    .select()
    .from(scopeItems)
    .where(and(...conditions))
    .orderBy(asc(scopeItems.createdAt), asc(scopeItems.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (row) => [row.createdAt, row.id]);
}

/** Totals per release and category/status (grouped in SQL, never by loading every item). */
export async function scopeSummary(db: DbOrTx, actor: Actor, projectId: string) {
  await loadProjectAccess(db, actor, projectId);
  const rows = await db
    .select({
      releaseId: scopeItems.releaseId,
      status: scopeItems.status,
      category: scopeItems.category,
      items: count(),
      days: sum(scopeItems.estimateDays).mapWith(Number),
    })
    .from(scopeItems)
    .where(eq(scopeItems.projectId, projectId))
    .groupBy(scopeItems.releaseId, scopeItems.status, scopeItems.category);
  const byRelease = new Map<
    string | null,
    { items: number; days: number; doneDays: number; byCategory: Record<string, number> }
  >();
  for (const r of rows) {
    if (r.status === "dropped") continue;
    const entry = byRelease.get(r.releaseId) ?? { items: 0, days: 0, doneDays: 0, byCategory: {} };
    entry.items += r.items;
    entry.days += r.days ?? 0;
    if (r.status === "done") entry.doneDays += r.days ?? 0;
    entry.byCategory[r.category] = (entry.byCategory[r.category] ?? 0) + (r.days ?? 0);
    byRelease.set(r.releaseId, entry);
  }
  return byRelease;
}

export async function listScopeChanges(db: DbOrTx, actor: Actor, projectId: string, limit = 30) {
  await loadProjectAccess(db, actor, projectId);
  return await db
    .select({
      id: scopeChanges.id,
      change: scopeChanges.change,
      before: scopeChanges.before,
      after: scopeChanges.after,
      reason: scopeChanges.reason,
      at: scopeChanges.at,
      actorName: users.name,
      itemTitle: scopeItems.title,
      scopeItemId: scopeChanges.scopeItemId,
    })
    .from(scopeChanges)
    .innerJoin(users, eq(users.id, scopeChanges.actorId))
    .innerJoin(scopeItems, eq(scopeItems.id, scopeChanges.scopeItemId))
    .where(eq(scopeChanges.projectId, projectId))
    .orderBy(desc(scopeChanges.at))
    .limit(limit);
}

/** Items not yet committed to a sprint and still open: what the sprint planner picks from. */
export async function plannableScopeItems(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  sprintId: string | null,
  limit = 300,
) {
  await loadProjectAccess(db, actor, projectId);
  return await db
    .select()
    .from(scopeItems)
    .where(
      and(
        eq(scopeItems.projectId, projectId),
        sql`${scopeItems.status} in ('proposed','planned','in_progress')`,
        sql`${scopeItems.priority} <> 'wont'`,
        sprintId ? or(isNull(scopeItems.sprintId), eq(scopeItems.sprintId, sprintId)) : isNull(scopeItems.sprintId),
      ),
    )
    .orderBy(
      sql`case ${scopeItems.priority} when 'must' then 0 when 'should' then 1 else 2 end`,
      asc(scopeItems.createdAt),
    )
    .limit(limit);
}
