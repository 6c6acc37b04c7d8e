// "Forgot password" end to end through the outbox and a real SMTP listener: the link arrives, works
// once, for an hour, only as the latest one; the answer is the same for an unknown address, which
// gets nothing; requests are throttled per address and per IP. On SQLite and PostgreSQL.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, transaction } from "@/db/client";
import { auditEvents, outboxEvents, passwordResets, users } from "@/db/schema";
import { passwordResetLink, requestPasswordReset, resetPassword } from "@/lib/data/password-resets";
import { startSession, sessionInUse } from "@/lib/data/sessions";
import { RESET_REQUESTS_PER_ADDRESS, RESET_REQUESTS_PER_IP } from "@/lib/domain/password-reset";
import { AppError } from "@/lib/errors";
import { emailChannel } from "@/lib/outbox/email-channel";
import { runOutbox } from "@/lib/outbox/worker";
import { verifyPassword } from "@/lib/password";
import { smtpListenerForFile } from "@/lib/testing/email-fixtures";
import { createTestDb, makeUser } from "@/lib/testing/fixtures";
import type { Actor } from "@/lib/domain/permissions";

const ORIGIN = "https://lightgate.test";
const NEW_PASSWORD = "a brand new passphrase";
let db: Db;
let person: Actor;

const smtp = smtpListenerForFile();

beforeEach(async () => {
  db = await createTestDb();
  person = await makeUser(db, "staff");
});

const ask = (email: string, now = new Date(), ip: string | null = "198.51.100.7") =>
  requestPasswordReset(db, { email, ip, origin: ORIGIN }, now);

/** Runs the outbox and returns the reset link of the email that reached `email`. */
async function linkSentTo(email: string): Promise<string> {
  await runOutbox(db, [emailChannel]);
  const mail = await smtp.waitFor((m) => m.to.includes(email));
  const link = /https:\/\/lightgate\.test\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail.text);
  expect(link).not.toBeNull();
  return link![1];
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error.reason ?? error.code;
    throw error;
  }
  throw new Error("Expected a refusal");
}

describe("forgot password", () => {
  it("emails a one-time link that sets a new password, ends every session and is audited", async () => {
    const session = await startSession(db, { userId: person.id, ip: null, userAgent: null });
    expect((await ask(person.email.toUpperCase())).outcome).toBe("sent");
    const token = await linkSentTo(person.email);
    const mail = smtp.messages[0];
    expect(mail.subject).toBe("Reset your Lightgate password");
    expect(mail.html).toContain(`href="${ORIGIN}/reset-password/${token}"`);
    // The outbox holds the link sealed, never in clear.
    const [event] = await db.select().from(outboxEvents);
    expect(JSON.stringify(event.data)).not.toContain(token);

    expect(await passwordResetLink(db, token)).toEqual({ state: "usable", email: person.email });
    await resetPassword(db, { token, newPassword: NEW_PASSWORD }, { ip: "198.51.100.7", userAgent: "vitest" });
    const [row] = await db.select().from(users).where(eq(users.id, person.id));
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await sessionInUse(db, { sessionId: session, userId: person.id })).toBe(false);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "account.password.set"));
    expect(audit).toMatchObject({ actorId: person.id, objectId: person.id });

    // Single use.
    expect(await passwordResetLink(db, token)).toEqual({ state: "used" });
    expect(await refusal(() => resetPassword(db, { token, newPassword: "yet another one!" }, noRequest))).toBe(
      "reset_link_used",
    );
  });

  it("expires after an hour", async () => {
    const sent = new Date(Date.now() - 61 * 60_000);
    await ask(person.email, sent);
    const [row] = await db.select().from(passwordResets);
    expect(row.tokenHash).not.toBeNull();
    // The email is not even sent once the link is dead; a link read after the hour says it expired.
    await runOutbox(db, [emailChannel]);
    expect(smtp.messages).toEqual([]);
    await ask(person.email, new Date(Date.now() - 30 * 60_000));
    const token = await linkSentTo(person.email);
    expect((await passwordResetLink(db, token, new Date(Date.now() + 31 * 60_000))).state).toBe("expired");
    expect(
      await refusal(() =>
        resetPassword(db, { token, newPassword: NEW_PASSWORD }, noRequest, new Date(Date.now() + 31 * 60_000)),
      ),
    ).toBe("reset_link_expired");
  });

  it("only the latest link works", async () => {
    await ask(person.email);
    const first = await linkSentTo(person.email);
    smtp.messages.length = 0;
    await ask(person.email, new Date(Date.now() + 1000));
    const second = await linkSentTo(person.email);
    expect(await passwordResetLink(db, first)).toEqual({ state: "superseded" });
    expect((await passwordResetLink(db, second)).state).toBe("usable");
  });

  it("answers an unknown address the same and sends nothing", async () => {
    const known = await ask(person.email);
    const unknown = await ask("nobody@test.example");
    // The action shows one sentence for both; only the recorded rows differ.
    expect(unknown.outcome).toBe("no_link");
    expect(known.outcome).toBe("sent");
    await runOutbox(db, [emailChannel]);
    await smtp.waitFor((m) => m.to.includes(person.email));
    expect(smtp.messages.filter((m) => m.to.includes("nobody@test.example"))).toEqual([]);
    const rows = await db.select().from(passwordResets).where(eq(passwordResets.email, "nobody@test.example"));
    expect(rows).toMatchObject([{ userId: null, tokenHash: null }]);
  });

  it("sends no link to an account that signs in through single sign-on only, or when SMTP is off", async () => {
    await transaction(db, (tx) => tx.update(users).set({ passwordSignIn: false }).where(eq(users.id, person.id)));
    expect((await ask(person.email)).outcome).toBe("no_link");
    const other = await makeUser(db, "client");
    delete process.env.SMTP_URL;
    expect((await ask(other.email)).outcome).toBe("no_link");
    expect(await db.select().from(outboxEvents)).toEqual([]);
  });

  it(`throttles: ${RESET_REQUESTS_PER_ADDRESS} per address and ${RESET_REQUESTS_PER_IP} per IP an hour`, async () => {
    const outcomes = [];
    for (let i = 0; i <= RESET_REQUESTS_PER_ADDRESS; i++) outcomes.push((await ask(person.email)).outcome);
    expect(outcomes).toEqual([...Array(RESET_REQUESTS_PER_ADDRESS).fill("sent"), "throttled"]);
    // An hour later the address may ask again.
    expect((await ask(person.email, new Date(Date.now() + 61 * 60_000))).outcome).toBe("sent");

    const other = await makeUser(db, "staff");
    for (let i = 0; i < RESET_REQUESTS_PER_IP; i++) await ask(`stranger-${i}@test.example`, new Date(), "203.0.113.9");
    expect((await ask(other.email, new Date(), "203.0.113.9")).outcome).toBe("throttled");
    expect((await ask(other.email, new Date(), "203.0.113.10")).outcome).toBe("sent");
  });
});

const noRequest = { ip: null, userAgent: null };
