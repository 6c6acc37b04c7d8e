// Notifications keep their kind's params beside the English title, so the reader's language names
// them at read time; rows without params (written before) keep showing their stored title.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { type Db, transaction } from "@/db/client";
import { notifications, outboxEvents } from "@/db/schema";
import { submitGate } from "@/lib/data/gates";
import { listNotifications, markNotificationsRead, notify, unreadNotificationCount } from "@/lib/data/notifications";
import type { Locale } from "@/lib/i18n/locale";
import { ctxFor, createTestDb } from "@/lib/testing/fixtures";
import { makeGateWorld, submitMustArtifacts, type GateWorld } from "@/lib/testing/gate-fixtures";
import { notificationTitle, type NotificationWords } from "@/lib/views/notification-title";
import type { Messages } from "@/messages/catalogue";

const words = (locale: Locale) =>
  createTranslator({
    locale,
    messages: JSON.parse(
      readFileSync(join(__dirname, "..", "..", "messages", locale, "notifications.json"), "utf8"),
    ) as Messages,
    namespace: "notificationTitle",
  }) as unknown as NotificationWords;

let db: Db;
let w: GateWorld;

beforeEach(async () => {
  db = await createTestDb();
  w = await makeGateWorld(db);
});

describe("notifications", () => {
  it("stores the params with the English title and reads them back as written", async () => {
    await transaction(db, (tx) =>
      notify(tx, w.pm.id, {
        userIds: [w.owner.id, w.pm.id, w.owner.id],
        projectId: w.project.id,
        kind: "sprint.review",
        title: `Sprint 3 of ${w.project.name} is ready for your acceptance`,
        params: { number: 3, project: w.project.name },
        href: `/projects/${w.project.id}/sprints`,
      }),
    );
    // Once per recipient, never to the actor who caused it.
    expect(await listNotifications(db, w.pm)).toEqual([]);
    const [row, ...more] = await listNotifications(db, w.owner);
    expect(more).toEqual([]);
    expect(row.params).toEqual({ number: 3, project: w.project.name });
    expect(notificationTitle(words("en"), row)).toBe(row.title);
    const es = notificationTitle(words("es"), row);
    expect(es).toBe(`El sprint 3 de ${w.project.name} está listo para su aceptación`);
    expect(notificationTitle(words("pl"), row)).toBe(
      `Sprint 3 w projekcie ${w.project.name} czeka na Twoją akceptację`,
    );
  });

  it("names in its email event exactly the rows it wrote, and writes none when the change rolls back", async () => {
    const input = { projectId: w.project.id, kind: "sprint.review", title: "Ready", href: "/x" };
    await expect(
      transaction(db, async (tx) => {
        await notify(tx, w.pm.id, { ...input, userIds: [w.owner.id] });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.select().from(notifications)).toEqual([]);
    await transaction(db, (tx) => notify(tx, w.pm.id, { ...input, userIds: [w.owner.id, w.viewer.id] }));
    const rows = await db.select().from(notifications);
    const [event] = await db.select().from(outboxEvents).where(eq(outboxEvents.type, "notification.created"));
    expect((event.data as { recipients: unknown[] }).recipients).toEqual(
      expect.arrayContaining(rows.map((row) => ({ userId: row.userId, notificationId: row.id }))),
    );
    expect(rows.map((row) => row.userId).sort()).toEqual([w.owner.id, w.viewer.id].sort());
  });

  it("shows a row written without params by its stored title", async () => {
    await transaction(db, (tx) =>
      notify(tx, null, {
        userIds: [w.owner.id],
        projectId: w.project.id,
        kind: "gate_submitted",
        title: "Gate 7 “Kickoff” of Old rollout is ready for your review",
        href: `/projects/${w.project.id}/gates/7`,
      }),
    );
    const [row] = await listNotifications(db, w.owner);
    expect(row.params).toBeNull();
    expect(notificationTitle(words("pl"), row)).toBe("Gate 7 “Kickoff” of Old rollout is ready for your review");
    expect(await unreadNotificationCount(db, w.owner)).toBe(1);
    await markNotificationsRead(db, w.owner);
    expect(await unreadNotificationCount(db, w.owner)).toBe(0);
  });

  it("counts the unread notifications of the reader alone, up to the bell's limit", async () => {
    for (let n = 1; n <= 4; n++) {
      await transaction(db, (tx) =>
        notify(tx, w.pm.id, {
          userIds: [w.owner.id, ...(n === 1 ? [w.boardMember.id] : [])],
          projectId: w.project.id,
          kind: "gate_submitted",
          title: `Notice ${n}`,
          href: `/projects/${w.project.id}`,
        }),
      );
    }
    expect(await unreadNotificationCount(db, w.owner)).toBe(4);
    expect(await unreadNotificationCount(db, w.owner, 3)).toBe(3);
    expect(await unreadNotificationCount(db, w.boardMember)).toBe(1);
    expect(await unreadNotificationCount(db, w.pm)).toBe(0);
  });

  it("a gate submitted for review notifies its board in each reader's language", async () => {
    await submitMustArtifacts(db, w);
    await submitGate(db, ctxFor(w.pm), { projectId: w.project.id, number: 7 });
    const row = (await listNotifications(db, w.owner)).find((n) => n.kind === "gate_submitted")!;
    expect(row.params).toMatchObject({ number: 7, project: w.project.name });
    const name = row.params!.name as string;
    expect(notificationTitle(words("en"), row)).toBe(row.title);
    expect(row.title).toBe(`Gate 7 “${name}” of ${w.project.name} is ready for your review`);
    expect(notificationTitle(words("es"), row)).toBe(
      `La puerta 7 «${name}» de ${w.project.name} está lista para su revisión`,
    );
    expect(notificationTitle(words("pl"), row)).toBe(
      `Bramka 7 „${name}” w projekcie ${w.project.name} czeka na Twój przegląd`,
    );
  });
});
