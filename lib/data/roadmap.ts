// Roadmap: releases and scope items, with every scope change logged (DESIGN.md §2 Release, ScopeItem).
import { and, asc, count, desc, eq, gt, isNull, like, or, sql, sum, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { releases, scopeBaselines, scopeChanges, scopeItems, sprints, users, type SCOPE_STATUSES } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { assertVersion, loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import type { Actor } from "@/lib/domain/permissions";
import { decideScopeChange, type ScopeFields } from "@/lib/domain/scope";
import { AppError, notFound } from "@/lib/errors";
import type {
  addScopeItemSchema,
  releaseSchema,
  removeScopeItemSchema,
  scopeListQuery,
  updateReleaseSchema,
  updateScopeItemSchema,
} from "@/lib/validation/roadmap";

export type ScopeStatus = (typeof SCOPE_STATUSES)[number];

const refused = (outcome: { reason: string; message: string; field?: string }) =>
  new AppError(outcome.field ? "invalid_input" : "rule_refused", outcome.message, outcome.reason, outcome.field ? { fieldErrors: { [outcome.field]: [outcome.message] } } : undefined);

export function listReleases(db: DbOrTx, actor: Actor, projectId: string) {
  loadProjectAccess(db, actor, projectId);
  return db.select().from(releases).where(eq(releases.projectId, projectId)).orderBy(asc(releases.number)).all();
}

export function createRelease(db: Db, ctx: RequestContext, input: z.infer<typeof releaseSchema>) {
  return db.transaction(
    (tx) => {
      requireProjectPermission(tx, ctx.actor, input.projectId, "scope.edit");
      const last = tx.select({ n: sql<number>`max(${releases.number})` }).from(releases).where(eq(releases.projectId, input.projectId)).get();
      const number = (last?.n ?? 0) + 1;
      const release = tx
        .insert(releases)
        .values({ projectId: input.projectId, number, name: input.name, scope: input.scope, targetDate: input.targetDate })
        .returning()
        .get();
      recordAudit(tx, ctx, { action: "release.create", objectType: "release", objectId: release.id, projectId: input.projectId, after: { number, name: input.name } });
      return release;
    },
    { behavior: "immediate" },
  );
}

export function updateRelease(db: Db, ctx: RequestContext, input: z.infer<typeof updateReleaseSchema>) {
  return db.transaction(
    (tx) => {
      requireProjectPermission(tx, ctx.actor, input.projectId, "scope.edit");
      const where = and(eq(releases.id, input.releaseId), eq(releases.projectId, input.projectId));
      const before = tx.select().from(releases).where(where).get();
      if (!before) throw notFound("This release");
      const after = tx.update(releases).set({ name: input.name, scope: input.scope, targetDate: input.targetDate }).where(where).returning().get();
      recordAudit(tx, ctx, {
        action: "release.update",
        objectType: "release",
        objectId: before.id,
        projectId: input.projectId,
        before: { name: before.name, scope: before.scope, targetDate: before.targetDate },
        after: { name: after.name, scope: after.scope, targetDate: after.targetDate },
      });
      return after;
    },
    { behavior: "immediate" },
  );
}

/** The MVP is release 1: created on demand so every project has one to scope against. */
export function mvpRelease(tx: DbOrTx, projectId: string) {
  return tx.select().from(releases).where(and(eq(releases.projectId, projectId), eq(releases.number, 1))).get() ?? null;
}

export function isBaselined(tx: DbOrTx, projectId: string): boolean {
  return Boolean(tx.select({ id: scopeBaselines.id }).from(scopeBaselines).where(eq(scopeBaselines.projectId, projectId)).limit(1).get());
}

function assertRelease(tx: DbOrTx, projectId: string, releaseId: string | null) {
  if (!releaseId) return;
  const found = tx.select({ id: releases.id }).from(releases).where(and(eq(releases.id, releaseId), eq(releases.projectId, projectId))).get();
  if (!found) throw new AppError("invalid_input", "Choose a release of this project.", "invalid_input", { fieldErrors: { releaseId: ["Unknown release."] } });
}

const fieldsOf = (row: typeof scopeItems.$inferSelect): ScopeFields => ({
  title: row.title,
  category: row.category,
  priority: row.priority,
  estimateDays: row.estimateDays,
  status: row.status,
  releaseId: row.releaseId,
});

function logChange(
  tx: DbOrTx,
  ctx: RequestContext,
  projectId: string,
  scopeItemId: string,
  outcome: { change: "added" | "changed" | "removed"; before: unknown; after: unknown; reason: string },
) {
  const at = new Date().toISOString();
  tx.insert(scopeChanges)
    .values({ projectId, scopeItemId, change: outcome.change, before: outcome.before, after: outcome.after, reason: outcome.reason, actorId: ctx.actor.id, at })
    .run();
  recordAudit(tx, ctx, {
    action: `scope.${outcome.change}`,
    objectType: "scope_item",
    objectId: scopeItemId,
    projectId,
    before: outcome.before,
    after: { ...(outcome.after as object | null), reason: outcome.reason },
  });
}

export function addScopeItem(db: Db, ctx: RequestContext, input: z.infer<typeof addScopeItemSchema>) {
  return db.transaction(
    (tx) => {
      requireProjectPermission(tx, ctx.actor, input.projectId, "scope.edit");
      assertRelease(tx, input.projectId, input.releaseId);
      const fields: ScopeFields = {
        title: input.title,
        category: input.category,
        priority: input.priority,
        estimateDays: input.estimateDays,
        status: "proposed",
        releaseId: input.releaseId,
      };
      const outcome = decideScopeChange(null, fields, { baselined: isBaselined(tx, input.projectId), reason: input.reason });
      if (!outcome.ok) throw refused(outcome);
      const item = tx.insert(scopeItems).values({ projectId: input.projectId, ...fields }).returning().get();
      logChange(tx, ctx, input.projectId, item.id, outcome);
      return item;
    },
    { behavior: "immediate" },
  );
}

function loadItem(tx: DbOrTx, projectId: string, scopeItemId: string) {
  const item = tx.select().from(scopeItems).where(and(eq(scopeItems.id, scopeItemId), eq(scopeItems.projectId, projectId))).get();
  if (!item) throw notFound("This scope item");
  return item;
}

export function getScopeItem(db: DbOrTx, actor: Actor, projectId: string, scopeItemId: string) {
  loadProjectAccess(db, actor, projectId);
  return loadItem(db, projectId, scopeItemId);
}

function deliveredInAcceptedSprint(tx: DbOrTx, item: typeof scopeItems.$inferSelect): boolean {
  if (!item.sprintId) return false;
  const sprint = tx.select({ status: sprints.status }).from(sprints).where(eq(sprints.id, item.sprintId)).get();
  return sprint?.status === "accepted";
}

export function updateScopeItem(db: Db, ctx: RequestContext, input: z.infer<typeof updateScopeItemSchema>) {
  return db.transaction(
    (tx) => {
      requireProjectPermission(tx, ctx.actor, input.projectId, "scope.edit");
      const item = loadItem(tx, input.projectId, input.scopeItemId);
      assertVersion(item.version, input.expectedVersion);
      assertRelease(tx, input.projectId, input.releaseId);
      const next: ScopeFields = {
        title: input.title,
        category: input.category,
        priority: input.priority,
        estimateDays: input.estimateDays,
        status: input.status,
        releaseId: input.releaseId,
      };
      const outcome = decideScopeChange(fieldsOf(item), next, {
        baselined: isBaselined(tx, input.projectId),
        reason: input.reason,
        committedToClosedSprint: deliveredInAcceptedSprint(tx, item),
      });
      if (!outcome.ok) throw refused(outcome);
      const updated = tx
        .update(scopeItems)
        .set({ ...next, version: item.version + 1, updatedAt: new Date().toISOString() })
        .where(and(eq(scopeItems.id, item.id), eq(scopeItems.projectId, input.projectId), eq(scopeItems.version, item.version)))
        .returning()
        .get();
      if (!updated) throw new AppError("stale_version", "Someone else changed this item in the meantime. Reload and try again.", "stale_version");
      logChange(tx, ctx, input.projectId, item.id, outcome);
      return updated;
    },
    { behavior: "immediate" },
  );
}

/** Removal keeps the row (as dropped) so its change history stays. */
export function removeScopeItem(db: Db, ctx: RequestContext, input: z.infer<typeof removeScopeItemSchema>) {
  return db.transaction(
    (tx) => {
      requireProjectPermission(tx, ctx.actor, input.projectId, "scope.edit");
      const item = loadItem(tx, input.projectId, input.scopeItemId);
      assertVersion(item.version, input.expectedVersion);
      const outcome = decideScopeChange(fieldsOf(item), null, {
        baselined: isBaselined(tx, input.projectId),
        reason: input.reason,
        committedToClosedSprint: deliveredInAcceptedSprint(tx, item),
      });
      if (!outcome.ok) throw refused(outcome);
      tx.update(scopeItems)
        .set({ status: "dropped", sprintId: null, version: item.version + 1, updatedAt: new Date().toISOString() })
        .where(and(eq(scopeItems.id, item.id), eq(scopeItems.projectId, input.projectId)))
        .run();
      logChange(tx, ctx, input.projectId, item.id, outcome);
    },
    { behavior: "immediate" },
  );
}

const encodeCursor = (r: { createdAt: string; id: string }) => Buffer.from(JSON.stringify([r.createdAt, r.id])).toString("base64url");
function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "string") return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw new AppError("invalid_input", "The cursor is not valid.", "invalid_cursor", { fieldErrors: { cursor: ["Invalid cursor."] } });
}

/** One page of scope items (keyset pagination, so 2,000+ items stay fast). releaseId "none" = unassigned. */
export function listScopeItems(db: DbOrTx, actor: Actor, projectId: string, query: z.infer<typeof scopeListQuery> & { cursor?: string | null }) {
  loadProjectAccess(db, actor, projectId);
  const conditions: (SQL | undefined)[] = [eq(scopeItems.projectId, projectId)];
  if (query.releaseId === "none") conditions.push(isNull(scopeItems.releaseId));
  else if (query.releaseId) conditions.push(eq(scopeItems.releaseId, query.releaseId));
  if (query.category) conditions.push(eq(scopeItems.category, query.category));
  if (query.status) conditions.push(eq(scopeItems.status, query.status));
  if (query.q) conditions.push(like(scopeItems.title, `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor);
    conditions.push(or(gt(scopeItems.createdAt, createdAt), and(eq(scopeItems.createdAt, createdAt), gt(scopeItems.id, id))));
  }
  const rows = db
    .select()
    .from(scopeItems)
    .where(and(...conditions))
    .orderBy(asc(scopeItems.createdAt), asc(scopeItems.id))
    .limit(query.limit + 1)
    .all();
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

/** Totals per release and category/status (grouped in SQL, never by loading every item). */
export function scopeSummary(db: DbOrTx, actor: Actor, projectId: string) {
  loadProjectAccess(db, actor, projectId);
  const rows = db
    .select({
      releaseId: scopeItems.releaseId,
      status: scopeItems.status,
      category: scopeItems.category,
      items: count(),
      days: sum(scopeItems.estimateDays).mapWith(Number),
    })
    .from(scopeItems)
    .where(eq(scopeItems.projectId, projectId))
    .groupBy(scopeItems.releaseId, scopeItems.status, scopeItems.category)
    .all();
  const byRelease = new Map<string | null, { items: number; days: number; doneDays: number; byCategory: Record<string, number> }>();
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

export function listScopeChanges(db: DbOrTx, actor: Actor, projectId: string, limit = 30) {
  loadProjectAccess(db, actor, projectId);
  return db
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
    .limit(limit)
    .all();
}

/** Items not yet committed to a sprint and still open: what the sprint planner picks from. */
export function plannableScopeItems(db: DbOrTx, actor: Actor, projectId: string, sprintId: string | null, limit = 300) {
  loadProjectAccess(db, actor, projectId);
  return db
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
    .orderBy(sql`case ${scopeItems.priority} when 'must' then 0 when 'should' then 1 else 2 end`, asc(scopeItems.createdAt))
    .limit(limit)
    .all();
}
