// Webhook endpoints against a real migrated database (SQLite here, PostgreSQL under
// vitest.pg.config.ts): who may register, see and change which endpoint, every 422 with nothing
// written, the secret shown once and stored sealed, rotation and enabling, each audited.
import { Webhook } from "standardwebhooks";
import { and, eq, sql } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Db, first, rows } from "@/db/client";
import { auditEvents, projectMembers, webhookEndpoints } from "@/db/schema";
import {
  deleteWebhook,
  enableWebhook,
  getWebhook,
  listWebhooks,
  registerWebhook,
  rotateWebhookSecret,
  type AddressPolicy,
} from "@/lib/data/webhooks";
import { AppError } from "@/lib/errors";
import { rotateKeys } from "@/lib/data/key-rotation";
import { forgetKeys, keyring, openText, sealedBy } from "@/lib/secret-box";
import { signedHeaders } from "@/lib/webhook-signing";
import { createTestDb, ctxFor, makeProject, makeUser, makeWorld } from "@/lib/testing/fixtures";

/** Names resolve from a table, as DNS would; the machine's resolver is not consulted. */
const DNS: Record<string, string[]> = {
  "hooks.example.com": ["93.184.216.34"],
  "rebind.example.com": ["93.184.216.34", "10.0.0.7"],
  "metadata.example.com": ["169.254.169.254"],
  "v6.example.com": ["::ffff:127.0.0.1"],
};
const policy: AddressPolicy = {
  allowPrivate: false,
  resolve: async (host) => DNS[host] ?? (/^[\d.]+$/.test(host) || host.includes(":") ? [host] : []),
};

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeEach(async () => {
  db = await createTestDb();
  world = await makeWorld(db);
});

async function refusal(run: Promise<unknown>) {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const count = async () => (await db.select().from(webhookEndpoints)).length;

describe("registering a webhook", () => {
  it("gives the PM a whsec_ secret once, sealed at rest, and audits it", async () => {
    const { webhook, secret } = await registerWebhook(
      db,
      ctxFor(world.pm),
      {
        url: "https://hooks.example.com/lightgate",
        events: ["gate.submitted", "gate.voted"],
        projectId: world.project.id,
      },
      policy,
    );
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({
      url: "https://hooks.example.com/lightgate",
      events: ["gate.submitted", "gate.voted"],
      projectId: world.project.id,
      projectName: world.project.name,
      ownerId: world.pm.id,
      disabledAt: null,
    });
    expect(JSON.stringify(webhook)).not.toContain(secret);
    const row = (await first(db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, webhook.id))))!;
    expect(row.secret).not.toContain(secret.slice(6));
    expect(openText(row.secret)).toBe(secret);
    const audit = await first(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "webhook.create"), eq(auditEvents.objectId, webhook.id))),
    );
    expect(audit).toMatchObject({ actorId: world.pm.id, projectId: world.project.id });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("keeps * alone when all events are asked for, and lets an administrator register for every project", async () => {
    const { webhook } = await registerWebhook(
      db,
      ctxFor(world.admin),
      { url: "https://hooks.example.com/all", events: ["gate.voted", "*"] },
      policy,
    );
    expect(webhook).toMatchObject({ events: ["*"], projectId: null });
  });

  it.each([
    ["ftp://hooks.example.com/x", "url", "http:// or https://"],
    ["not a url", "url", "http:// or https://"],
    ["https://user:pw@hooks.example.com/", "url", "without a user name"],
    ["https://nowhere.example.com/", "url", "does not resolve"],
    ["http://127.0.0.1:8080/", "url", "127.0.0.1"],
    ["https://metadata.example.com/latest", "url", "169.254.169.254"],
    ["https://rebind.example.com/", "url", "10.0.0.7"],
    ["https://v6.example.com/", "url", "::ffff:127.0.0.1"],
    ["http://[::1]/", "url", "::1"],
  ])("refuses %s with 422 on %s and writes nothing", async (url, field, words) => {
    const error = await refusal(
      registerWebhook(db, ctxFor(world.pm), { url, events: ["*"], projectId: world.project.id }, policy),
    );
    expect(error.status).toBe(422);
    expect(error.details?.fieldErrors?.[field]?.[0]).toContain(words);
    expect(await count()).toBe(0);
  });

  it("accepts a private address when the installation allows it", async () => {
    const { webhook } = await registerWebhook(
      db,
      ctxFor(world.pm),
      { url: "http://127.0.0.1:8080/hook", events: ["*"], projectId: world.project.id },
      { ...policy, allowPrivate: true },
    );
    expect(webhook.url).toBe("http://127.0.0.1:8080/hook");
  });

  it.each([
    [[], "events", "at least one"],
    [["  "], "events", "at least one"],
    [["gate.submitted", "gate.exploded", "nope"], "events", "gate.exploded, nope"],
    [["webhook.test"], "events", "webhook.test"],
  ])("refuses events %j with 422 naming them", async (events, field, words) => {
    const error = await refusal(
      registerWebhook(
        db,
        ctxFor(world.pm),
        { url: "https://hooks.example.com/", events, projectId: world.project.id },
        policy,
      ),
    );
    expect(error.status).toBe(422);
    expect(error.details?.fieldErrors?.[field]?.[0]).toContain(words);
    expect(await count()).toBe(0);
  });

  it("needs a project the PM manages: 422 on projectId for none, an unknown one or another's", async () => {
    const otherPm = await makeUser(db, "staff");
    const other = await makeProject(db, otherPm, world.org.id);
    for (const projectId of [undefined, "00000000-0000-4000-8000-000000000000", other.id]) {
      const error = await refusal(
        registerWebhook(db, ctxFor(world.pm), { url: "https://hooks.example.com/", events: ["*"], projectId }, policy),
      );
      expect(error.status).toBe(422);
      expect(Object.keys(error.details?.fieldErrors ?? {})).toEqual(["projectId"]);
    }
    // A team member of the project is not its manager.
    const error = await refusal(
      registerWebhook(
        db,
        ctxFor(world.engineer),
        { url: "https://hooks.example.com/", events: ["*"], projectId: world.project.id },
        policy,
      ),
    );
    expect(error.status).toBe(422);
    expect(await count()).toBe(0);
  });

  it("refuses client accounts with 403", async () => {
    const error = await refusal(
      registerWebhook(
        db,
        ctxFor(world.owner),
        { url: "https://hooks.example.com/", events: ["*"], projectId: world.project.id },
        policy,
      ),
    );
    expect(error.status).toBe(403);
    expect(await count()).toBe(0);
  });
});

describe("who sees and changes an endpoint", () => {
  it("another PM cannot see, rotate, enable or delete this endpoint; the admin and its PM can", async () => {
    const { webhook } = await registerWebhook(
      db,
      ctxFor(world.pm),
      { url: "https://hooks.example.com/a", events: ["*"], projectId: world.project.id },
      policy,
    );
    const otherPm = await makeUser(db, "staff");
    const other = await makeProject(db, otherPm, world.org.id);
    const theirs = await registerWebhook(
      db,
      ctxFor(otherPm),
      { url: "https://hooks.example.com/b", events: ["*"], projectId: other.id },
      policy,
    );

    for (const outsider of [otherPm, world.engineer, world.owner, world.outsiderStaff]) {
      expect((await refusal(getWebhook(db, outsider, webhook.id))).status).toBe(404);
      expect((await refusal(deleteWebhook(db, ctxFor(outsider), webhook.id))).status).toBe(404);
      expect((await refusal(rotateWebhookSecret(db, ctxFor(outsider), webhook.id))).status).toBe(404);
      expect((await refusal(enableWebhook(db, ctxFor(outsider), webhook.id))).status).toBe(404);
      expect((await listWebhooks(db, outsider)).map((w) => w.id)).not.toContain(webhook.id);
    }
    expect((await refusal(listWebhooks(db, otherPm, { projectId: world.project.id }))).status).toBe(404);

    expect((await listWebhooks(db, world.pm)).map((w) => w.id)).toEqual([webhook.id]);
    expect((await listWebhooks(db, world.pm, { projectId: world.project.id })).map((w) => w.id)).toEqual([webhook.id]);
    expect(new Set((await listWebhooks(db, world.admin)).map((w) => w.id))).toEqual(
      new Set([webhook.id, theirs.webhook.id]),
    );
    expect((await getWebhook(db, world.admin, webhook.id)).url).toBe("https://hooks.example.com/a");

    await deleteWebhook(db, ctxFor(world.pm), webhook.id);
    expect((await refusal(getWebhook(db, world.pm, webhook.id))).status).toBe(404);
    expect(await count()).toBe(1);
    const audit = await rows<{ action: string }>(
      db,
      sql`select action from audit_events where object_id = ${webhook.id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(["webhook.create", "webhook.delete"]);
  });

  it("a PM who is no longer the project's manager loses its endpoints, but keeps seeing their own", async () => {
    const { webhook } = await registerWebhook(
      db,
      ctxFor(world.admin),
      { url: "https://hooks.example.com/a", events: ["*"], projectId: world.project.id },
      policy,
    );
    expect((await getWebhook(db, world.pm, webhook.id)).ownerName).toBe(world.admin.name);
    const own = await registerWebhook(
      db,
      ctxFor(world.pm),
      { url: "https://hooks.example.com/own", events: ["*"], projectId: world.project.id },
      policy,
    );
    await db.delete(projectMembers).where(eq(projectMembers.userId, world.pm.id));
    expect((await listWebhooks(db, world.pm)).map((w) => w.id)).toEqual([own.webhook.id]);
    expect((await refusal(getWebhook(db, world.pm, webhook.id))).status).toBe(404);
  });
});

describe("rotating the secret and enabling again", () => {
  it("signs with both secrets for 24 hours after a rotation", async () => {
    const { webhook, secret } = await registerWebhook(
      db,
      ctxFor(world.pm),
      { url: "https://hooks.example.com/a", events: ["*"], projectId: world.project.id },
      policy,
    );
    const now = new Date("2026-11-30T09:00:00Z");
    const rotated = await rotateWebhookSecret(db, ctxFor(world.pm), webhook.id, now);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.previousSecretUntil).toBe("2026-12-01T09:00:00.000Z");
    const row = (await first(db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, webhook.id))))!;
    expect(openText(row.secret)).toBe(rotated.secret);
    expect(openText(row.previousSecret!)).toBe(secret);
    // Both verify a message signed the way the channel signs it.
    const body = '{"type":"webhook.test"}';
    const headers = signedHeaders(
      [openText(row.secret), openText(row.previousSecret!)],
      "msg_1",
      Math.floor(Date.now() / 1000),
      body,
    );
    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(rotated.secret).verify(body, headers)).not.toThrow();
    expect((await getWebhook(db, world.pm, webhook.id)).previousSecretUntil).toBe("2026-12-01T09:00:00.000Z");
  });

  it("enables a disabled endpoint again, audited; an active one stays as it is", async () => {
    const { webhook } = await registerWebhook(
      db,
      ctxFor(world.pm),
      { url: "https://hooks.example.com/a", events: ["*"], projectId: world.project.id },
      policy,
    );
    await db
      .update(webhookEndpoints)
      .set({ disabledAt: new Date().toISOString(), disabledReason: "gone" })
      .where(eq(webhookEndpoints.id, webhook.id));
    expect((await getWebhook(db, world.pm, webhook.id)).disabledReason).toBe("gone");
    const enabled = await enableWebhook(db, ctxFor(world.pm), webhook.id);
    expect(enabled).toMatchObject({ disabledAt: null, disabledReason: null });
    await enableWebhook(db, ctxFor(world.pm), webhook.id);
    const audit = await rows<{ action: string }>(
      db,
      sql`select action from audit_events where object_id = ${webhook.id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(["webhook.create", "webhook.enable"]);
  });
});

describe("a data key rotation", () => {
  beforeEach(() => {
    vi.stubEnv("LIGHTGATE_DATA_DIR", mkdtempSync(path.join(tmpdir(), "lightgate-webhook-keys-")));
    vi.stubEnv("LIGHTGATE_ENCRYPTION_KEY", "");
    vi.stubEnv("LIGHTGATE_PREVIOUS_ENCRYPTION_KEY", "");
    forgetKeys();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    forgetKeys();
  });

  it("re-seals the secret and the one before a rotation, which still open to the same values", async () => {
    const { webhook, secret } = await registerWebhook(
      db,
      ctxFor(world.pm),
      { url: "https://hooks.example.com/a", events: ["*"], projectId: world.project.id },
      policy,
    );
    const rotated = await rotateWebhookSecret(db, ctxFor(world.pm), webhook.id);
    const stored = async () =>
      (await first(db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, webhook.id))))!;
    const before = await stored();
    const report = await rotateKeys(db);
    expect(report).toMatchObject({ leftUnderPrevious: 0, previousRemoved: true });
    expect(report.columns.find((c) => c.label === "webhook secrets")).toMatchObject({ resealed: 1 });
    expect(report.columns.find((c) => c.label === "webhook secrets before a rotation")).toMatchObject({ resealed: 1 });
    const after = await stored();
    expect(after.secret).not.toBe(before.secret);
    expect(sealedBy(Buffer.from(after.secret, "base64"), keyring())).toBe("current");
    expect(openText(after.secret)).toBe(rotated.secret);
    expect(openText(after.previousSecret!)).toBe(secret);
  });
});
