// Each person's iCalendar feed: one secret URL per person (shown in Settings and by
// GET /api/v1/me/calendar), revocable, answering 404 once revoked or when the token is wrong.
import { createTranslator } from "next-intl";
import { and, eq, isNull } from "drizzle-orm";
import { first, transaction, type Db, type DbOrTx } from "@/db/client";
import { calendarFeeds, users } from "@/db/schema";
import { authSecret } from "@/lib/auth-secret";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { feedIdOfToken, feedToken } from "@/lib/domain/calendar-feed";
import { buildCalendar, type CalendarEvent } from "@/lib/domain/icalendar";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { loadMessages } from "@/messages/catalogue";
import { publishEntries, recentCancellations } from "./calendar-entries";
import { calendarItems, type CalendarItem } from "./calendar-events";

export const feedPath = (token: string) => `/api/calendar/${token}`;

async function activeFeed(db: DbOrTx, userId: string) {
  return first(
    db
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt))),
  );
}

/** The person's feed URL if they have one (Settings shows it; nothing is made by looking). */
export async function existingCalendarFeedUrl(db: DbOrTx, userId: string, origin: string): Promise<string | null> {
  const feed = await activeFeed(db, userId);
  return feed ? `${origin}${feedPath(feedToken(feed.id, authSecret()))}` : null;
}

/** The person's feed URL, made (and audited) on first use. */
export async function calendarFeedUrl(db: Db, ctx: RequestContext, origin: string): Promise<string> {
  const feed =
    (await activeFeed(db, ctx.actor.id)) ??
    (await transaction(db, async (tx) => {
      // Another request may have made it since: one active feed per person.
      const existing = await activeFeed(tx, ctx.actor.id);
      if (existing) return existing;
      const [created] = await tx.insert(calendarFeeds).values({ userId: ctx.actor.id }).returning();
      await recordAudit(tx, ctx, { action: "calendar_feed.create", objectType: "calendar_feed", objectId: created.id });
      return created;
    }));
  return `${origin}${feedPath(feedToken(feed.id, authSecret()))}`;
}

/** Revokes the person's feed: its URL answers 404 from now on; asking again makes a new one. */
export async function revokeCalendarFeed(db: Db, ctx: RequestContext): Promise<boolean> {
  return transaction(db, async (tx) => {
    const feed = await activeFeed(tx, ctx.actor.id);
    if (!feed) return false;
    await tx.update(calendarFeeds).set({ revokedAt: new Date().toISOString() }).where(eq(calendarFeeds.id, feed.id));
    await recordAudit(tx, ctx, { action: "calendar_feed.revoke", objectType: "calendar_feed", objectId: feed.id });
    return true;
  });
}

type Words = ReturnType<typeof createTranslator<Awaited<ReturnType<typeof loadMessages>>, "calendarFeed">>;

function summary(t: Words, item: CalendarItem): string {
  const { project, number, environment } = item.detail;
  switch (item.kind) {
    case "gate":
      return t("gate", { number: number ?? 0, name: item.title, project });
    case "go_live":
      return t("goLive", { project });
    case "sprint_review":
      return t("sprintReview", { number: number ?? 0, project });
    case "validation_run":
      return t("validationRun", {
        environment: environment === "production" ? t("production") : t("homologation"),
        project,
      });
    default:
      return t("training", { module: item.title, project });
  }
}

function link(origin: string, item: CalendarItem): string {
  const id = item.key.replace(/^[a-z-]+-(?=[0-9a-f]{8}-)/, "");
  const project = `${origin}/projects/${item.projectId}`;
  switch (item.kind) {
    case "gate":
      return `${project}/gates/${item.detail.number}`;
    case "go_live":
      return `${project}/go-live`;
    case "sprint_review":
      return `${project}/sprints/${id}`;
    case "validation_run":
      return `${project}/validation`;
    default:
      return `${project}/guardians/training`;
  }
}

/** The feed's calendar, or null when the token is wrong or the feed revoked (the route answers 404). */
export async function calendarFeedIcs(db: Db, token: string, origin: string, now = new Date()): Promise<string | null> {
  const feedId = feedIdOfToken(token, authSecret());
  if (!feedId) return null;
  const feed = await first(
    db
      .select({ feed: calendarFeeds, locale: users.locale, disabledAt: users.disabledAt, name: users.name })
      .from(calendarFeeds)
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(eq(calendarFeeds.id, feedId)),
  );
  if (!feed || feed.feed.revokedAt || feed.disabledAt) return null;
  const locale: Locale = isLocale(feed.locale) ? feed.locale : "en";
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "calendarFeed" });
  const { items, projectIds } = await calendarItems(db, feed.feed.userId);
  const host = new URL(origin).hostname;
  const events: CalendarEvent[] = await transaction(db, async (tx) => {
    const sequences = await publishEntries(tx, items, now);
    await tx.update(calendarFeeds).set({ lastFetchedAt: now.toISOString() }).where(eq(calendarFeeds.id, feedId));
    const live = new Set(items.map((i) => i.key));
    const cancelled = (await recentCancellations(tx, feed.feed.userId, projectIds, now)).filter(
      (c) => !live.has(c.key),
    );
    return [
      ...items.map((item) => toEvent(t, origin, host, item, sequences.get(item.key) ?? 0)),
      ...cancelled.map((c) => toEvent(t, origin, host, { ...c, detail: { project: "" } }, c.sequence)),
    ];
  });
  return buildCalendar({
    name: t("name", { name: feed.name }),
    now,
    events,
    prodId: "-//Lightgate//Calendar feed//EN",
  });
}

function toEvent(t: Words, origin: string, host: string, item: CalendarItem, sequence: number): CalendarEvent {
  const start = new Date(item.allDay ? `${item.start}T00:00:00Z` : item.start);
  const end = new Date(item.allDay ? `${item.end}T00:00:00Z` : item.end);
  const url = link(origin, item);
  return {
    uid: `${item.key}@${host}`,
    start,
    durationMinutes: Math.round((end.getTime() - start.getTime()) / 60_000),
    allDay: item.allDay ? { end } : undefined,
    summary: item.cancelled && !item.detail.project ? t("cancelled", { name: item.title }) : summary(t, item),
    description: url,
    url,
    sequence,
    status: item.cancelled ? "CANCELLED" : "CONFIRMED",
  };
}
