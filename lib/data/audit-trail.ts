// Reading the audit trail: a project's timeline (filtered, paginated, redacted for readers who
// may not see vendor-internal fields) and, for administrators, the state of the whole chain.
import { and, count, desc, eq, inArray, like, lt, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import {
  artifacts,
  auditEvents,
  escalations,
  gates,
  interfaces,
  projects,
  scopeItems,
  users,
  type AuditEvent,
} from "@/db/schema";
import { auditHead, verifyAuditChain, type ChainVerdict } from "@/lib/audit";
import { loadProjectAccess, requireAdministrator } from "@/lib/data/access";
import { visiblePayload } from "@/lib/domain/audit-visibility";
import type { Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import type { AuditFilter } from "@/lib/validation/audit";
import type { AuditEventView } from "@/lib/views/audit-event";

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

/**
 * The text search: the actor's name or email, the action, the object's type or title. Only readers
 * who see vendor-internal fields also search the recorded before/after values — otherwise a search
 * could reveal a withheld internal note one guess at a time.
 */
function searchCondition(db: DbOrTx, q: string, seesInternal: boolean): SQL | undefined {
  const pattern = `%${escapeLike(q.toLowerCase())}%`;
  const matches = (column: SQLWrapper) => sql`lower(${column}) like ${pattern} escape '\\'`;
  return or(
    matches(auditEvents.actorEmail),
    inArray(auditEvents.actorId, db.select({ id: users.id }).from(users).where(matches(users.name))),
    matches(auditEvents.action),
    matches(auditEvents.objectType),
    inArray(auditEvents.objectId, db.select({ id: artifacts.id }).from(artifacts).where(matches(artifacts.title))),
    inArray(auditEvents.objectId, db.select({ id: scopeItems.id }).from(scopeItems).where(matches(scopeItems.title))),
    inArray(
      auditEvents.objectId,
      db.select({ id: escalations.id }).from(escalations).where(matches(escalations.title)),
    ),
    inArray(auditEvents.objectId, db.select({ id: interfaces.id }).from(interfaces).where(matches(interfaces.name))),
    inArray(auditEvents.objectId, db.select({ id: gates.id }).from(gates).where(matches(gates.name))),
    inArray(auditEvents.objectId, db.select({ id: projects.id }).from(projects).where(matches(projects.name))),
    inArray(auditEvents.objectId, db.select({ id: users.id }).from(users).where(matches(users.name))),
    seesInternal ? sql`lower(cast(${auditEvents.before} as text)) like ${pattern} escape '\\'` : undefined,
    seesInternal ? sql`lower(cast(${auditEvents.after} as text)) like ${pattern} escape '\\'` : undefined,
  );
}

function filterConditions(
  filter: Partial<AuditFilter>,
  search?: { db: DbOrTx; seesInternal: boolean },
): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q && search) conditions.push(searchCondition(search.db, filter.q, search.seesInternal));
  if (filter.action) {
    conditions.push(
      or(
        eq(auditEvents.action, filter.action),
        sql`${auditEvents.action} like ${`${escapeLike(filter.action)}.%`} escape '\\'`,
      ),
    );
  }
  if (filter.actor) {
    conditions.push(or(eq(auditEvents.actorId, filter.actor), eq(auditEvents.actorEmail, filter.actor.toLowerCase())));
  }
  if (filter.objectType) conditions.push(eq(auditEvents.objectType, filter.objectType));
  if (filter.from) conditions.push(sql`${auditEvents.at} >= ${`${filter.from}T00:00:00.000Z`}`);
  if (filter.to) {
    const next = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000).toISOString();
    conditions.push(lt(auditEvents.at, next));
  }
  return conditions;
}

function decodeCursor(cursor: string): number {
  const seq = Number(cursor);
  if (!Number.isInteger(seq) || seq < 1) {
    throw new AppError(
      "invalid_input",
      "The cursor is not valid.",
      "invalid_cursor",
      {
        fieldErrors: { cursor: ["Invalid cursor."] },
      },
      { problem: "invalidCursor", fields: { cursor: "invalidCursorShort" } },
    );
  }
  return seq;
}

/** The public shape of an audit event (DESIGN.md §6 field names), as this reader may see it. */
export function auditEventView(event: AuditEvent, seesInternal: boolean): AuditEventView {
  const payload = visiblePayload(event, seesInternal);
  return {
    id: event.id,
    seq: event.seq,
    at: event.at,
    actor: event.actorId || event.actorEmail ? { id: event.actorId, email: event.actorEmail } : null,
    actorRole: event.actorRole,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    projectId: event.projectId,
    before: payload.before ?? null,
    after: payload.after ?? null,
    ip: payload.ip,
    userAgent: payload.userAgent,
    hash: event.hash,
    previousHash: event.previousHash,
    /** Fields withheld from this reader (vendor-internal); empty when nothing was. */
    withheld: payload.withheld,
  };
}

/** A project's events, newest first: anyone who can see the project can read them. */
export async function listProjectAudit(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  options: Partial<AuditFilter> & { limit: number; cursor?: string | null },
) {
  const access = await loadProjectAccess(db, actor, projectId);
  const seesInternal = access.can("project.viewInternal");
  return {
    ...(await eventsPage(
      db,
      [eq(auditEvents.projectId, projectId), ...filterConditions(options, { db, seesInternal })],
      options,
      seesInternal,
    )),
    seesInternal,
  };
}

/** One page of events newest first, after the cursor (the last `seq` of the previous page). */
async function eventsPage(
  db: DbOrTx,
  conditions: (SQL | undefined)[],
  options: { limit: number; cursor?: string | null },
  seesInternal: boolean,
) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions, options.cursor ? lt(auditEvents.seq, decodeCursor(options.cursor)) : undefined))
    .orderBy(desc(auditEvents.seq))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map((e) => auditEventView(e, seesInternal)),
    nextCursor: rows.length > options.limit && last ? String(last.seq) : null,
  };
}

/** The values a trail's filters offer: actions, object types and people present in these events. */
async function facetsWhere(db: DbOrTx, where: SQL | undefined) {
  const actions = await db
    .selectDistinct({ v: auditEvents.action })
    .from(auditEvents)
    .where(where)
    .orderBy(auditEvents.action);
  const types = await db
    .selectDistinct({ v: auditEvents.objectType })
    .from(auditEvents)
    .where(where)
    .orderBy(auditEvents.objectType);
  const actors = (
    await db
      .selectDistinct({ id: auditEvents.actorId, email: auditEvents.actorEmail, name: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(where, sql`${auditEvents.actorEmail} is not null`))
  ).sort((a, b) => (a.name ?? a.email ?? "").localeCompare(b.name ?? b.email ?? ""));
  return {
    actions: actions.map((a) => a.v),
    objectTypes: types.map((t) => t.v),
    actors: actors.map((a) => ({ id: a.id, email: a.email as string, name: a.name ?? (a.email as string) })),
  };
}

/** The values the timeline's filters offer for this project. */
export async function projectAuditFacets(db: DbOrTx, actor: Actor, projectId: string) {
  await loadProjectAccess(db, actor, projectId);
  return await facetsWhere(db, eq(auditEvents.projectId, projectId));
}

/** The values the administrators' trail filters offer (the whole chain). */
export async function allAuditFacets(db: DbOrTx, actor: Actor) {
  requireAdministrator(actor, "Only administrators see the whole audit trail.");
  return await facetsWhere(db, undefined);
}

/** Size and head of the chain, cheap enough for every page view (administrators only). */
export async function auditChainSummary(db: DbOrTx, actor: Actor) {
  requireAdministrator(actor, "Only administrators see the audit chain.");
  const total = (await first(db.select({ n: count() }).from(auditEvents)))?.n ?? 0;
  const last = await first(
    db.select({ at: auditEvents.at, seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1),
  );
  const recentActions = await db
    .select({ action: auditEvents.action, n: count() })
    .from(auditEvents)
    .where(like(auditEvents.at, `${new Date().toISOString().slice(0, 7)}%`))
    .groupBy(auditEvents.action)
    .orderBy(desc(count()))
    .limit(10);
  return { events: total, head: await auditHead(db), lastAt: last?.at ?? null, lastSeq: last?.seq ?? 0, recentActions };
}

/** The newest events of the whole system, including those outside any project (administrators only). */
export async function listRecentEvents(
  db: DbOrTx,
  actor: Actor,
  options: Partial<AuditFilter> & { limit: number; cursor?: string | null },
) {
  requireAdministrator(actor, "Only administrators see the whole audit trail.");
  return await eventsPage(db, filterConditions(options, { db, seesInternal: true }), options, true);
}

/** Walks the whole chain (administrators only); names the first broken event, if any. */
export async function verifyChain(db: DbOrTx, actor: Actor): Promise<ChainVerdict & { checkedAt: string }> {
  requireAdministrator(actor, "Only administrators verify the audit chain.");
  return { ...(await verifyAuditChain(db)), checkedAt: new Date().toISOString() };
}
