// The daily digest against a real SMTP listener: one email a day per person, at 07:00 in their
// time zone, with their unread "daily" notifications, sent once even when instances race for it.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, type Db, dialectOf, transaction } from "@/db/client";
import { emailDigests, notifications, users } from "@/db/schema";
import { saveEmailPreferences } from "@/lib/data/email-preferences";
import { emailChannel } from "@/lib/outbox/email-channel";
import { sendDueDigests } from "@/lib/outbox/email-digest";
import { smtpListenerForFile } from "@/lib/testing/email-fixtures";
import { ctxFor, createTestDb, makeWorld, secondInstanceOf } from "@/lib/testing/fixtures";
import { freePort } from "@/lib/testing/smtp-listener";

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;

const smtp = smtpListenerForFile();

beforeEach(async () => {
  db = await createTestDb();
  w = await makeWorld(db);
});

async function notifyAt(userId: string, kind: string, createdAt: string, title: string, readAt: string | null = null) {
  await transaction(db, (tx) =>
    tx.insert(notifications).values({
      userId,
      projectId: w.project.id,
      kind,
      title,
      params: null,
      href: `/projects/${w.project.id}`,
      createdAt,
      readAt,
    }),
  );
}

const digestsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));

describe("the daily digest", () => {
  it("sends each person one email with their unread daily notifications, once", async () => {
    await notifyAt(w.owner.id, "gate_decided", "2026-11-29T15:00:00.000Z", "Gate 7 decided");
    await notifyAt(w.owner.id, "status_report.generated", "2026-11-30T06:00:00.000Z", "Status report W48");
    // Emailed at once (its kind is "immediately"), read already, or after the digest's hour: not in it.
    await notifyAt(w.owner.id, "gate_submitted", "2026-11-29T16:00:00.000Z", "Gate 6 ready for review");
    await notifyAt(w.owner.id, "gate_decided", "2026-11-29T17:00:00.000Z", "Already read", "2026-11-29T18:00:00Z");
    await notifyAt(w.owner.id, "gate_decided", "2026-11-30T07:10:00.000Z", "After seven");

    await emailChannel.periodic!(db, new Date("2026-11-30T07:30:00Z"));
    const [mail, ...more] = digestsTo(w.owner.email);
    expect(more).toEqual([]);
    expect(mail.subject).toBe("Lightgate: 2 notifications since yesterday");
    expect(mail.text).toContain("Gate 7 decided");
    expect(mail.text).toContain("Status report W48");
    expect(mail.text).toContain(`https://lightgate.test/projects/${w.project.id}`);
    for (const absent of ["Gate 6 ready for review", "Already read", "After seven"])
      expect(mail.text).not.toContain(absent);

    // Later the same day: nothing more. The next morning: what came after seven yesterday.
    await emailChannel.periodic!(db, new Date("2026-11-30T18:00:00Z"));
    expect(digestsTo(w.owner.email)).toHaveLength(1);
    await emailChannel.periodic!(db, new Date("2026-12-01T07:00:00Z"));
    const next = digestsTo(w.owner.email);
    expect(next).toHaveLength(2);
    expect(next[1].subject).toBe("Lightgate: 1 notification since yesterday");
    expect(next[1].text).toContain("After seven");
  });

  it("is sent once when several instances run it at the same moment", async () => {
    await notifyAt(w.owner.id, "gate_decided", "2026-11-29T15:00:00.000Z", "Gate 7 decided");
    const now = new Date("2026-11-30T07:30:00Z");
    // On PostgreSQL the second instance is a pool of its own, as another server process would have.
    const other = dialectOf(db) === "postgres" ? secondInstanceOf(db) : db;
    try {
      const sent = await Promise.all([sendDueDigests(db, now), sendDueDigests(other, now), sendDueDigests(db, now)]);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
      expect(digestsTo(w.owner.email)).toHaveLength(1);
    } finally {
      if (other !== db) await closeDatabase(other);
    }
  });

  it("leaves at seven in the person's own time zone", async () => {
    await transaction(db, (tx) => tx.update(users).set({ timeZone: "America/Bogota" }).where(eq(users.id, w.owner.id)));
    await notifyAt(w.owner.id, "gate_decided", "2026-11-30T03:00:00.000Z", "Gate 7 decided");
    await emailChannel.periodic!(db, new Date("2026-11-30T11:59:00Z"));
    expect(digestsTo(w.owner.email)).toHaveLength(0);
    await emailChannel.periodic!(db, new Date("2026-11-30T12:01:00Z"));
    expect(digestsTo(w.owner.email)).toHaveLength(1);
  });

  it("sends nothing for kinds turned off, and tries again when the mail server was down", async () => {
    await saveEmailPreferences(db, ctxFor(w.owner), { gate_decisions: "off", reports: "off" });
    await notifyAt(w.owner.id, "gate_decided", "2026-11-29T15:00:00.000Z", "Gate 7 decided");
    await emailChannel.periodic!(db, new Date("2026-11-30T07:30:00Z"));
    expect(digestsTo(w.owner.email)).toHaveLength(0);

    await saveEmailPreferences(db, ctxFor(w.owner), { gate_decisions: "daily" });
    await notifyAt(w.owner.id, "gate_decided", "2026-11-30T15:00:00.000Z", "Gate 6 decided");
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
    const morning = new Date("2026-12-01T07:30:00Z");
    expect(await sendDueDigests(db, morning)).toBe(0);
    // The window was given back: the next run, with the server up, sends it.
    process.env.SMTP_URL = smtp.url;
    expect(await sendDueDigests(db, new Date("2026-12-01T07:31:00Z"))).toBe(1);
    expect(digestsTo(w.owner.email)[0].text).toContain("Gate 6 decided");
    const covered = await db.select().from(emailDigests).where(eq(emailDigests.userId, w.owner.id));
    expect(covered[0].coveredUntil).toBe("2026-12-01T07:00:00.000Z");
  });

  it("does nothing without SMTP", async () => {
    delete process.env.SMTP_URL;
    await notifyAt(w.owner.id, "gate_decided", "2026-11-29T15:00:00.000Z", "Gate 7 decided");
    await emailChannel.periodic!(db, new Date("2026-11-30T07:30:00Z"));
    expect(await db.select().from(emailDigests)).toEqual([]);
  });
});
