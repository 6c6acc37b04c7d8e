// The caller's email preferences over HTTP: read with their defaults, changed (audited), a bad kind
// or mode answered 422 naming the field with nothing written, and each person sees only their own.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import * as unsubscribeRoute from "@/app/api/email/unsubscribe/route";
import * as route from "@/app/api/v1/me/email-preferences/route";
import { auditEvents, emailPreferences } from "@/db/schema";
import { getEmailPreferencesOp, setEmailPreferencesOp } from "@/lib/contract/email-preferences";
import { DEFAULT_EMAIL_MODES, EMAIL_KINDS, unsubscribeToken } from "@/lib/domain/email-preferences";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";

let { db, world, api } = {} as ApiWorld;

beforeEach(async () => {
  delete process.env.SMTP_URL;
  ({ db, world, api } = await apiWorld());
});

type Answer = { emailEnabled: boolean; preferences: { kind: string; mode: string; defaultMode: string }[] };

describe("/api/v1/me/email-preferences", () => {
  it("answers every kind with its default, and says email is off without SMTP", async () => {
    const answer = await api.call(route.GET, getEmailPreferencesOp, { as: world.owner });
    expect(answer.status).toBe(200);
    const body = answer.body as Answer;
    expect(body.emailEnabled).toBe(false);
    expect(body.preferences.map((p) => p.kind)).toEqual([...EMAIL_KINDS]);
    for (const p of body.preferences)
      expect(p.mode).toBe(DEFAULT_EMAIL_MODES[p.kind as keyof typeof DEFAULT_EMAIL_MODES]);
  });

  it("changes the kinds named, audited once, and leaves another person's as they were", async () => {
    const put = await api.call(route.PUT, setEmailPreferencesOp, {
      as: world.owner,
      body: {
        preferences: [
          { kind: "reviews", mode: "daily" },
          { kind: "reports", mode: "off" },
        ],
      },
    });
    expect(put.status).toBe(200);
    const modes = Object.fromEntries((put.body as Answer).preferences.map((p) => [p.kind, p.mode]));
    expect(modes).toMatchObject({ reviews: "daily", reports: "off", sprints: DEFAULT_EMAIL_MODES.sprints });
    const again = await api.call(route.PUT, setEmailPreferencesOp, {
      as: world.owner,
      body: { preferences: [{ kind: "reviews", mode: "daily" }] },
    });
    expect(again.status).toBe(200);
    const audited = await db.select().from(auditEvents).where(eq(auditEvents.action, "email_preferences.change"));
    expect(audited).toHaveLength(1);
    expect(audited[0].objectId).toBe(world.owner.id);
    const theirs = await api.call(route.GET, getEmailPreferencesOp, { as: world.pm });
    expect((theirs.body as Answer).preferences.find((p) => p.kind === "reviews")?.mode).toBe("immediately");
  });

  it.each([
    [{ preferences: [{ kind: "everything", mode: "off" }] }, "reviews"],
    [{ preferences: [{ kind: "reviews", mode: "weekly" }] }, "immediately"],
    [{ preferences: "off" }, "array"],
  ])("refuses %j with 422 on the field preferences, writing nothing", async (body, said) => {
    const answer = await api.call(route.PUT, setEmailPreferencesOp, { as: world.owner, body });
    expect(answer.status).toBe(422);
    const errors = (answer.body as { errors: Record<string, string[]> }).errors;
    expect(Object.keys(errors)).toEqual(["preferences"]);
    expect(errors.preferences.join(" ")).toContain(said);
    expect(await db.select().from(emailPreferences)).toEqual([]);
  });

  it("says email is on when SMTP is configured", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    try {
      const answer = await api.call(route.GET, getEmailPreferencesOp, { as: world.owner });
      expect((answer.body as Answer).emailEnabled).toBe(true);
    } finally {
      delete process.env.SMTP_URL;
    }
  });
});

describe("/api/email/unsubscribe (RFC 8058 one-click)", () => {
  const url = (token: string) => `https://lightgate.test/api/email/unsubscribe?token=${encodeURIComponent(token)}`;

  it("turns the kind off on POST, shows the confirmation page on GET, and refuses a forged token", async () => {
    process.env.AUTH_SECRET = "a-test-secret-for-unsubscribe-links";
    const token = unsubscribeToken(world.owner.id, "sprints", process.env.AUTH_SECRET);
    // A GET (a person, or a link scanner) changes nothing: it leads to the confirmation page.
    const looked = unsubscribeRoute.GET(new NextRequest(url(token)));
    expect(looked.status).toBe(303);
    expect(looked.headers.get("location")).toBe(`https://lightgate.test/unsubscribe?token=${token}`);
    expect(await db.select().from(emailPreferences)).toEqual([]);

    const clicked = await unsubscribeRoute.POST(
      new NextRequest(url(token), { method: "POST", body: "List-Unsubscribe=One-Click" }),
    );
    expect(clicked.status).toBe(200);
    const answer = await api.call(route.GET, getEmailPreferencesOp, { as: world.owner });
    expect((answer.body as Answer).preferences.find((p) => p.kind === "sprints")?.mode).toBe("off");
    const [audited] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "email_preferences.unsubscribe"));
    expect(audited).toMatchObject({ actorId: world.owner.id, objectId: world.owner.id });

    const forged = await unsubscribeRoute.POST(
      new NextRequest(url(token.replace("sprints", "reviews")), { method: "POST", body: "List-Unsubscribe=One-Click" }),
    );
    expect(forged.status).toBe(404);
  });
});
