// Reading the audit trail: a project's timeline (filtered, paginated, redacted for readers who
// may not see vendor-internal fields) and, for administrators, the state of the whole chain.
import { and, count, desc, eq, like, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditEvents, type AuditEvent } from "@/db/schema";
import { auditHead, verifyAuditChain, type ChainVerdict } from "@/lib/audit";
import { loadProjectAccess } from "@/lib/data/access";
import { visiblePayload } from "@/lib/domain/audit-visibility";
import { canAdminister, type Actor } from "@/lib/domain/permissions";
import { AppError, forbidden } from "@/lib/errors";
import type { AuditFilter } from "@/lib/validation/audit";

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

function filterConditions(filter: Partial<AuditFilter>): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [];
  if (filter.action) {
    conditions.push(
      or(eq(auditEvents.action, filter.action), sql`${auditEvents.action} like ${`${escapeLike(filter.action)}.%`} escape '\\'`),
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
    throw new AppError("invalid_input", "The cursor is not valid.", "invalid_cursor", { fieldErrors: { cursor: ["Invalid cursor."] } });
  }
  return seq;
}

/** The public shape of an audit event (DESIGN.md §6 field names), as this reader may see it. */
export function auditEventView(event: AuditEvent, seesInternal: boolean) {
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
export type AuditEventView = ReturnType<typeof auditEventView>;

/** A project's events, newest first: anyone who can see the project can read them. */
export function listProjectAudit(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  options: Partial<AuditFilter> & { limit: number; cursor?: string | null },
) {
  const access = loadProjectAccess(db, actor, projectId);
  const seesInternal = access.can("project.viewInternal");
  return { ...eventsPage(db, [eq(auditEvents.projectId, projectId), ...filterConditions(options)], options, seesInternal), seesInternal };
}

/** One page of events newest first, after the cursor (the last `seq` of the previous page). */
function eventsPage(db: DbOrTx, conditions: (SQL | undefined)[], options: { limit: number; cursor?: string | null }, seesInternal: boolean) {
  const rows = db
    .select()
    .from(auditEvents)
    .where(and(...conditions, options.cursor ? lt(auditEvents.seq, decodeCursor(options.cursor)) : undefined))
    .orderBy(desc(auditEvents.seq))
    .limit(options.limit + 1)
    .all();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map((e) => auditEventView(e, seesInternal)),
    nextCursor: rows.length > options.limit && last ? String(last.seq) : null,
  };
}

/** The values the timeline's filters offer for this project. */
export function projectAuditFacets(db: DbOrTx, actor: Actor, projectId: string) {
  loadProjectAccess(db, actor, projectId);
  const where = eq(auditEvents.projectId, projectId);
  const actions = db.selectDistinct({ v: auditEvents.action }).from(auditEvents).where(where).orderBy(auditEvents.action).all();
  const types = db.selectDistinct({ v: auditEvents.objectType }).from(auditEvents).where(where).orderBy(auditEvents.objectType).all();
  const actors = db
    .selectDistinct({ id: auditEvents.actorId, email: auditEvents.actorEmail })
    .from(auditEvents)
    .where(and(where, sql`${auditEvents.actorEmail} is not null`))
    .orderBy(auditEvents.actorEmail)
    .all();
  return {
    actions: actions.map((a) => a.v),
    objectTypes: types.map((t) => t.v),
    actors: actors.map((a) => ({ id: a.id, email: a.email as string })),
  };
}

/** Size and head of the chain, cheap enough for every page view (administrators only). */
export function auditChainSummary(db: DbOrTx, actor: Actor) {
  if (!canAdminister(actor)) throw forbidden("Only administrators see the audit chain.");
  const total = db.select({ n: count() }).from(auditEvents).get()?.n ?? 0;
  const last = db.select({ at: auditEvents.at, seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get();
  const recentActions = db
    .select({ action: auditEvents.action, n: count() })
    .from(auditEvents)
    .where(like(auditEvents.at, `${new Date().toISOString().slice(0, 7)}%`))
    .groupBy(auditEvents.action)
    .orderBy(desc(count()))
    .limit(10)
    .all();
  return { events: total, head: auditHead(db), lastAt: last?.at ?? null, lastSeq: last?.seq ?? 0, recentActions };
}

/** The newest events of the whole system, including those outside any project (administrators only). */
export function listRecentEvents(db: DbOrTx, actor: Actor, options: { limit: number; cursor?: string | null }) {
  if (!canAdminister(actor)) throw forbidden("Only administrators see the whole audit trail.");
  return eventsPage(db, [], options, true);
}

/** Walks the whole chain (administrators only); names the first broken event, if any. */
export function verifyChain(db: DbOrTx, actor: Actor): ChainVerdict & { checkedAt: string } {
  if (!canAdminister(actor)) throw forbidden("Only administrators verify the audit chain.");
  return { ...verifyAuditChain(db), checkedAt: new Date().toISOString() };
}
