// The email channel against a real SMTP listener (lib/testing/smtp-listener.ts): who gets a
// notification by email, what the email says, and what happens when the mail server is down or
// refuses the address. On SQLite and PostgreSQL (vitest.pg.config.ts takes lib/data tests).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, transaction } from "@/db/client";
import { users } from "@/db/schema";
import { eq, isNotNull } from "drizzle-orm";
import { saveEmailPreferences, getEmailPreferences, unsubscribe } from "@/lib/data/email-preferences";
import { submitGate } from "@/lib/data/gates";
import { emailChannel } from "@/lib/outbox/email-channel";
import { deliveryTo, notificationEvent, smtpListenerForFile } from "@/lib/testing/email-fixtures";
import { runOutbox } from "@/lib/outbox/worker";
import { outboxAttempts, outboxDeliveries } from "@/db/schema";
import { ctxFor, createTestDb } from "@/lib/testing/fixtures";
import { makeGateWorld, submitMustArtifacts, type GateWorld } from "@/lib/testing/gate-fixtures";
import { freePort, startSmtpListener } from "@/lib/testing/smtp-listener";

let db: Db;
let w: GateWorld;

const smtp = smtpListenerForFile({ refuse: (address) => address.startsWith("bounce") });

beforeEach(async () => {
  db = await createTestDb();
  w = await makeGateWorld(db);
  await submitMustArtifacts(db, w);
});
afterEach(() => {
  process.env.SMTP_URL = smtp.url;
});

async function submitGateSeven() {
  await submitGate(db, ctxFor(w.pm), { projectId: w.project.id, number: 7 });
  return await notificationEvent(db, "gate_submitted");
}

/** Sends what the setup's own notifications queued (artifacts to review), so a test sees only its own. */
async function drainOutbox() {
  for (let attempted = 1; attempted > 0;) attempted = (await runOutbox(db, [emailChannel])).attempted;
  smtp.messages.length = 0;
}

describe("email through the outbox", () => {
  beforeEach(drainOutbox);

  it("the local SMTP listener receives the email for a submitted gate, with the right recipient and link", async () => {
    await submitGate(db, ctxFor(w.pm), { projectId: w.project.id, number: 7 });
    const pass = await runOutbox(db, [emailChannel]);
    expect(pass.attempted).toBe(2);
    const mail = await smtp.waitFor((m) => m.to.includes(w.owner.email));
    expect(mail.to).toEqual([w.owner.email]);
    expect(mail.subject).toMatch(/^Gate 7 “.+” of .+ is ready for your review$/);
    expect(mail.text).toContain(`https://lightgate.test/projects/${w.project.id}/gates/7`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    await smtp.waitFor((m) => m.to.includes(w.boardMember.email));
    expect(smtp.messages.filter((m) => m.to.includes(w.pm.email))).toEqual([]);
  });

  it("retries while the mail server is down and delivers once it is back, never twice", async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    await submitGate(db, ctxFor(w.pm), { projectId: w.project.id, number: 7 });
    await runOutbox(db, [emailChannel]);
    const pending = await db.select().from(outboxDeliveries).where(eq(outboxDeliveries.status, "pending"));
    expect(pending).toHaveLength(2);
    const failed = await db.select().from(outboxAttempts).where(isNotNull(outboxAttempts.error));
    expect(failed).toHaveLength(2);
    expect(failed.every((a) => a.error && /ECONNREFUSED|connect/i.test(a.error))).toBe(true);

    const back = await startSmtpListener({ port });
    try {
      // After the backoff (a few seconds for the first retry).
      await runOutbox(db, [emailChannel], new Date(Date.now() + 60_000));
      await back.waitFor((m) => m.to.includes(w.owner.email));
      await back.waitFor((m) => m.to.includes(w.boardMember.email));
      const stillPending = await db.select().from(outboxDeliveries).where(eq(outboxDeliveries.status, "pending"));
      expect(stillPending).toEqual([]);
      await runOutbox(db, [emailChannel], new Date(Date.now() + 120_000));
      expect(back.messages).toHaveLength(2);
    } finally {
      await back.close();
    }
  });

  it("an address turned off gets nothing through the worker", async () => {
    await saveEmailPreferences(db, ctxFor(w.owner), { reviews: "off" });
    await submitGate(db, ctxFor(w.pm), { projectId: w.project.id, number: 7 });
    expect((await runOutbox(db, [emailChannel])).attempted).toBe(1);
    await smtp.waitFor((m) => m.to.includes(w.boardMember.email));
    expect(smtp.messages.filter((m) => m.to.includes(w.owner.email))).toEqual([]);
  });
});

describe("the email channel", () => {
  it("emails a submitted gate to its board, with the link and a one-click unsubscribe", async () => {
    const event = await submitGateSeven();
    const targets = await emailChannel.targets(db, event);
    expect(new Set(targets)).toEqual(new Set([w.owner.id, w.boardMember.id]));

    const outcome = await emailChannel.send(db, deliveryTo(w.owner.id, event), event);
    expect(outcome.kind).toBe("delivered");
    const mail = await smtp.waitFor((m) => m.to.includes(w.owner.email));
    expect(mail.to).toEqual([w.owner.email]);
    expect(mail.subject).toBe(`Gate 7 “${await gateName()}” of ${w.project.name} is ready for your review`);
    const link = `https://lightgate.test/projects/${w.project.id}/gates/7`;
    expect(mail.text).toContain(mail.subject);
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    const unsubscribeLink = /^<(https:\/\/lightgate\.test\/api\/email\/unsubscribe\?token=lgun_[^>]+)>$/.exec(
      mail.headers["list-unsubscribe"],
    );
    expect(unsubscribeLink).not.toBeNull();
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    // The link turns that kind off for that person, and only that kind.
    const token = new URL(unsubscribeLink![1]).searchParams.get("token")!;
    expect(await unsubscribe(db, token, { ip: null, userAgent: null })).toEqual({ kind: "reviews" });
    const modes = (await getEmailPreferences(db, w.owner)).preferences;
    expect(modes.find((p) => p.kind === "reviews")?.mode).toBe("off");
    expect(modes.find((p) => p.kind === "sprints")?.mode).toBe("immediately");
    expect(await emailChannel.targets(db, event)).toEqual([w.boardMember.id]);
  });

  it("writes in the recipient's language", async () => {
    await transaction(db, (tx) => tx.update(users).set({ locale: "es" }).where(eq(users.id, w.owner.id)));
    const event = await submitGateSeven();
    expect((await emailChannel.send(db, deliveryTo(w.owner.id, event), event)).kind).toBe("delivered");
    const mail = await smtp.waitFor((m) => m.to.includes(w.owner.email));
    expect(mail.subject).toContain(`La puerta 7`);
    expect(mail.text).toContain("Abrirlo en Lightgate");
  });

  it("sends nothing to a person who turned the kind off or to the digest", async () => {
    await saveEmailPreferences(db, ctxFor(w.owner), { reviews: "off" });
    await saveEmailPreferences(db, ctxFor(w.boardMember), { reviews: "daily" });
    const event = await submitGateSeven();
    expect(await emailChannel.targets(db, event)).toEqual([]);
    // Turned off after the fan-out: the delivery is dropped, not sent.
    const outcome = await emailChannel.send(db, deliveryTo(w.owner.id, event), event);
    expect(outcome.kind).toBe("give_up");
    expect(smtp.messages).toEqual([]);
  });

  it("queues nothing when SMTP is not configured", async () => {
    delete process.env.SMTP_URL;
    const event = await submitGateSeven();
    expect(await emailChannel.targets(db, event)).toEqual([]);
    expect((await getEmailPreferences(db, w.owner)).emailEnabled).toBe(false);
  });

  it("asks for a retry while the mail server is down, and delivers once it is back", async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const event = await submitGateSeven();
    const first = await emailChannel.send(db, deliveryTo(w.owner.id, event, 1), event);
    expect(first.kind).toBe("retry");
    const back = await startSmtpListener({ port });
    try {
      const second = await emailChannel.send(db, deliveryTo(w.owner.id, event, 2), event);
      expect(second.kind).toBe("delivered");
      expect((await back.waitFor((m) => m.to.includes(w.owner.email))).subject).toContain("Gate 7");
    } finally {
      await back.close();
    }
  });

  it("retries an address the server refuses a few times, then gives up", async () => {
    await transaction(db, (tx) =>
      tx.update(users).set({ email: "bounce-owner@test.example" }).where(eq(users.id, w.owner.id)),
    );
    const event = await submitGateSeven();
    const outcomes = [];
    for (const attempt of [1, 2, 3])
      outcomes.push(await emailChannel.send(db, deliveryTo(w.owner.id, event, attempt), event));
    expect(outcomes.map((o) => o.kind)).toEqual(["retry", "retry", "give_up"]);
    expect(outcomes[2].statusCode).toBe(550);
  });

  it("leaves disabled accounts out", async () => {
    await transaction(db, (tx) =>
      tx.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, w.boardMember.id)),
    );
    const event = await submitGateSeven();
    expect(await emailChannel.targets(db, event)).toEqual([w.owner.id]);
  });
});

async function gateName(): Promise<string> {
  const event = await notificationEvent(db, "gate_submitted");
  return String((event.data.params as Record<string, unknown>).name);
}
