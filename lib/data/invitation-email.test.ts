// Invitations by email: with SMTP configured, inviting someone (or renewing their link) also emails
// the link through the outbox, sealed there; without SMTP the administrator hands the link over.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { outboxEvents } from "@/db/schema";
import { accountLinkForToken, inviteAccount, renewInvitation } from "@/lib/data/invitations";
import { emailChannel } from "@/lib/outbox/email-channel";
import { runOutbox } from "@/lib/outbox/worker";
import { smtpListenerForFile } from "@/lib/testing/email-fixtures";
import { createTestDb, ctxFor, makeUser } from "@/lib/testing/fixtures";
import { freePort, startSmtpListener } from "@/lib/testing/smtp-listener";
import { rotateKeys } from "@/lib/data/key-rotation";
import type { Actor } from "@/lib/domain/permissions";

let db: Db;
let admin: Actor;

const smtp = smtpListenerForFile();

beforeEach(async () => {
  db = await createTestDb();
  admin = await makeUser(db, "admin");
});

const invite = (email: string) =>
  inviteAccount(
    db,
    ctxFor(admin),
    { email, name: "Ana Ruiz", role: "staff", organizationId: null },
    new Date(),
    "https://lightgate.test",
  );

describe("invitations by email", () => {
  it("emails the invitation link, sealed in the outbox, and says so", async () => {
    const link = await invite("ana@test.example");
    expect(link.emailed).toBe(true);
    await runOutbox(db, [emailChannel]);
    const mail = await smtp.waitFor((m) => m.to.includes("ana@test.example"));
    expect(mail.subject).toBe("You are invited to Lightgate");
    expect(mail.text).toContain(`${admin.name} invited you to Lightgate`);
    expect(mail.text).toContain(`https://lightgate.test/invitation/${link.token}`);
    const [event] = await db.select().from(outboxEvents);
    expect(event).toMatchObject({ type: "email.message", directChannel: "email", directTarget: "ana@test.example" });
    expect(JSON.stringify(event.data)).not.toContain(link.token);
    expect((await accountLinkForToken(db, link.token)).state).toBe("usable");
  });

  it("emails the new link when the invitation is renewed", async () => {
    const first = await invite("ben@test.example");
    const renewed = await renewInvitation(db, ctxFor(admin), first.userId, new Date(), "https://lightgate.test");
    // Emails to one address leave in order, one per pass.
    for (let attempted = 1; attempted > 0;) attempted = (await runOutbox(db, [emailChannel])).attempted;
    const mails = smtp.messages.filter((m) => m.to.includes("ben@test.example"));
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain(`/invitation/${renewed.token}`);
    expect((await accountLinkForToken(db, first.token)).state).toBe("revoked");
  });

  it("a link waiting for the mail server survives a key rotation, sealed again under the new key", async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const link = await invite("dana@test.example");
    expect((await runOutbox(db, [emailChannel])).attempted).toBe(1);
    const report = await rotateKeys(db);
    expect(report.columns.find((c) => c.label.startsWith("links of emails"))).toMatchObject({ values: 1, resealed: 1 });
    expect(report).toMatchObject({ leftUnderPrevious: 0, previousRemoved: true });
    const back = await startSmtpListener({ port });
    try {
      await runOutbox(db, [emailChannel], new Date(Date.now() + 60_000));
      const mail = await back.waitFor((m) => m.to.includes("dana@test.example"));
      expect(mail.text).toContain(`/invitation/${link.token}`);
    } finally {
      await back.close();
    }
  });

  it("queues nothing without SMTP: the administrator hands the link over", async () => {
    delete process.env.SMTP_URL;
    const link = await invite("cleo@test.example");
    expect(link.emailed).toBe(false);
    expect(await db.select().from(outboxEvents)).toEqual([]);
  });
});
