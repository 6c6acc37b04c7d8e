import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { first } from "@/db/client";
import { auditEvents, projectMembers, users } from "@/db/schema";
import { passwordSignInRefused } from "@/lib/domain/single-sign-on";
import { createTestDb, ctxFor, makeOrganization, makeProject, makeUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { setUserDisabled } from "./accounts";
import { attemptSignIn } from "./sign-in";
import { signOnWithIdentity, recordSignOnFailure } from "./single-sign-on";
import {
  accountsWithoutPasswordSignIn,
  listOrganizationSignOn,
  setOrganizationSignOn,
  setPasswordSignIn,
} from "./single-sign-on-provisioning";

const caller = { ip: "203.0.113.9", userAgent: "Firefox" };
const claims = (email: string, verified: unknown = true) => ({ sub: "abc", email, email_verified: verified });
const eventsOf = async (db: Awaited<ReturnType<typeof createTestDb>>, action: string) =>
  await db.select().from(auditEvents).where(eq(auditEvents.action, action));

describe("single sign-on: matching an identity to an account", () => {
  it("signs in the account whose email the provider verified, whatever its case, and audits it", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff", null, "paula@vendor.example");
    const outcome = await signOnWithIdentity(db, {
      claims: claims("Paula@Vendor.EXAMPLE"),
      emailClaim: "email",
      ...caller,
    });
    expect(outcome).toMatchObject({ ok: true, provisioned: false, user: { id: staff.id } });
    const [event] = await eventsOf(db, "user.sso.sign_in");
    expect(event).toMatchObject({ actorId: staff.id, objectId: staff.id, ip: caller.ip, userAgent: "Firefox" });
  });

  it("uses the configured claim for the email", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff", null, "upn@vendor.example");
    const outcome = await signOnWithIdentity(db, {
      claims: { upn: "upn@vendor.example", email: "other@vendor.example", email_verified: true },
      emailClaim: "upn",
      ...caller,
    });
    expect(outcome).toMatchObject({ ok: true, user: { id: staff.id } });
  });

  it.each([
    { name: "unverified email", verified: false, disabled: false, reason: "unverified_email" },
    { name: "disabled account", verified: true, disabled: true, reason: "disabled" },
  ])("refuses an $name, audited with the address and no secret", async ({ verified, disabled, reason }) => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const staff = await makeUser(db, "staff", null, "kim@vendor.example");
    if (disabled) await setUserDisabled(db, ctxFor(admin), staff.id, true);
    const outcome = await signOnWithIdentity(db, {
      claims: { ...claims(staff.email, verified), id_token: "secret-token" },
      emailClaim: "email",
      ...caller,
    });
    expect(outcome).toEqual({ ok: false, reason });
    const [event] = await eventsOf(db, "user.sso.refuse");
    expect(event).toMatchObject({ ip: caller.ip, userAgent: "Firefox", after: expect.objectContaining({ reason }) });
    expect(JSON.stringify(event)).not.toContain("secret-token");
    expect(await eventsOf(db, "user.sso.sign_in")).toHaveLength(0);
  });

  it("refuses an unknown email when its domain is not provisioned, creating nothing", async () => {
    const db = await createTestDb();
    const before = (await db.select().from(users)).length;
    const outcome = await signOnWithIdentity(db, {
      claims: claims("nobody@nowhere.example"),
      emailClaim: "email",
      ...caller,
    });
    expect(outcome).toEqual({ ok: false, reason: "no_account" });
    expect((await db.select().from(users)).length).toBe(before);
    const [event] = await eventsOf(db, "user.sso.refuse");
    expect(event).toMatchObject({ actorId: null, objectId: "nobody@nowhere.example", ip: caller.ip });
  });

  it("records a failure Auth.js reported by its type only", async () => {
    const db = await createTestDb();
    await recordSignOnFailure(db, caller, "InvalidCheck: state <script>");
    const [event] = await eventsOf(db, "user.sso.refuse");
    expect(event).toMatchObject({
      actorId: null,
      ip: caller.ip,
      after: { reason: "provider_error", error: "InvalidCheckstatescript" },
    });
  });
});

describe("single sign-on: provisioning by email domain", () => {
  it("creates a client account in the organisation, with its role on the open projects, audited", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const pm = await makeUser(db, "staff");
    const org = await makeOrganization(db);
    const project = await makeProject(db, pm, org.id);
    await setOrganizationSignOn(db, ctxFor(admin), {
      organizationId: org.id,
      domains: "@Stadtwerke.example, stadtwerke-netz.example",
      projectRole: "guardian",
    });
    const outcome = await signOnWithIdentity(db, {
      claims: { ...claims("new.person@stadtwerke.example"), name: "New Person" },
      emailClaim: "email",
      ...caller,
    });
    expect(outcome).toMatchObject({ ok: true, provisioned: true });
    if (!outcome.ok) throw new Error("expected a sign-in");
    expect(outcome.user).toMatchObject({
      email: "new.person@stadtwerke.example",
      name: "New Person",
      role: "client",
      organizationId: org.id,
      passwordHash: "",
    });
    const membership = await first(
      db
        .select()
        .from(projectMembers)
        .where(and(eq(projectMembers.userId, outcome.user.id), eq(projectMembers.projectId, project.id))),
    );
    expect(membership?.role).toBe("guardian");
    const [event] = await eventsOf(db, "user.sso.provision");
    expect(event).toMatchObject({
      objectId: outcome.user.id,
      after: { organizationId: org.id, projectRole: "guardian" },
    });
    // The second time the account exists: it signs in, nothing more is created.
    const again = await signOnWithIdentity(db, {
      claims: claims("new.person@stadtwerke.example"),
      emailClaim: "email",
      ...caller,
    });
    expect(again).toMatchObject({ ok: true, provisioned: false, user: { id: outcome.user.id } });
    expect(await eventsOf(db, "user.sso.provision")).toHaveLength(1);
  });

  it("validates domains, keeps one organisation per domain, audits changes and can be turned off", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const org = await makeOrganization(db);
    const other = await makeOrganization(db);
    await expect(
      setOrganizationSignOn(db, ctxFor(admin), {
        organizationId: org.id,
        domains: "good.example, not_a_domain",
        projectRole: "client_viewer",
      }),
    ).rejects.toMatchObject({ reason: "invalid_domain", code: "invalid_input" });
    await setOrganizationSignOn(db, ctxFor(admin), {
      organizationId: org.id,
      domains: "good.example",
      projectRole: "client_viewer",
    });
    await expect(
      setOrganizationSignOn(db, ctxFor(admin), {
        organizationId: other.id,
        domains: "GOOD.example",
        projectRole: "client_viewer",
      }),
    ).rejects.toMatchObject({ reason: "domain_taken" });
    expect(await listOrganizationSignOn(db, admin)).toEqual(
      new Map([[org.id, { domains: ["good.example"], projectRole: "client_viewer" }]]),
    );
    const [event] = await eventsOf(db, "organization.sso.update");
    expect(event).toMatchObject({ objectId: org.id, before: { domains: [] }, after: { domains: ["good.example"] } });
    // Saving the same again changes nothing and records nothing.
    await setOrganizationSignOn(db, ctxFor(admin), {
      organizationId: org.id,
      domains: "good.example",
      projectRole: "client_viewer",
    });
    expect(await eventsOf(db, "organization.sso.update")).toHaveLength(1);
    await setOrganizationSignOn(db, ctxFor(admin), {
      organizationId: org.id,
      domains: "",
      projectRole: "client_viewer",
    });
    expect((await listOrganizationSignOn(db, admin)).size).toBe(0);
    const refused = await signOnWithIdentity(db, { claims: claims("x@good.example"), emailClaim: "email", ...caller });
    expect(refused).toEqual({ ok: false, reason: "no_account" });
  });

  it("lets no PM or client change an organisation's provisioning, even their own organisation's", async () => {
    const db = await createTestDb();
    const pm = await makeUser(db, "staff");
    const org = await makeOrganization(db);
    const owner = await makeUser(db, "client", org.id);
    await makeProject(db, pm, org.id, { members: [[owner, "client_owner"]] });
    for (const actor of [pm, owner]) {
      await expect(
        setOrganizationSignOn(db, ctxFor(actor), {
          organizationId: org.id,
          domains: "evil.example",
          projectRole: "client_owner",
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(listOrganizationSignOn(db, actor)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await eventsOf(db, "organization.sso.update")).toHaveLength(0);
  });
});

describe("password sign-in switch", () => {
  it("turned off by an administrator, the correct password is refused with the SSO answer; audited", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const staff = await makeUser(db, "staff");
    await setPasswordSignIn(db, ctxFor(admin), { userId: staff.id, enabled: false }, true);
    expect(await accountsWithoutPasswordSignIn(db, admin)).toEqual(new Set([staff.id]));
    const right = await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "1.1.1.1" });
    expect(right.ok && passwordSignInRefused(right.user)).toBe(true);
    // Without the password nothing tells the account apart: the ordinary wrong-password answer.
    const wrong = await attemptSignIn(db, { email: staff.email, password: "not it", ip: "1.1.1.1" });
    expect(wrong).toEqual({ ok: false, reason: "invalid_credentials" });
    const [event] = await eventsOf(db, "user.password_sign_in.disable");
    expect(event).toMatchObject({ actorId: admin.id, objectId: staff.id, after: { passwordSignIn: false } });
    // Single sign-on still lets the account in.
    expect(await signOnWithIdentity(db, { claims: claims(staff.email), emailClaim: "email", ...caller })).toMatchObject(
      { ok: true },
    );
    await setPasswordSignIn(db, ctxFor(admin), { userId: staff.id, enabled: true }, true);
    const back = await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "1.1.1.2" });
    expect(back.ok && passwordSignInRefused(back.user)).toBe(false);
    expect(await eventsOf(db, "user.password_sign_in.enable")).toHaveLength(1);
  });

  it("is refused without single sign-on, for one's own account, and to anyone but an administrator", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const pm = await makeUser(db, "staff");
    const staff = await makeUser(db, "staff");
    await expect(
      setPasswordSignIn(db, ctxFor(admin), { userId: staff.id, enabled: false }, false),
    ).rejects.toMatchObject({
      reason: "no_single_sign_on",
    });
    await expect(
      setPasswordSignIn(db, ctxFor(admin), { userId: admin.id, enabled: false }, true),
    ).rejects.toMatchObject({
      reason: "self_password_sign_in",
    });
    await expect(setPasswordSignIn(db, ctxFor(pm), { userId: staff.id, enabled: false }, true)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(accountsWithoutPasswordSignIn(db, pm)).rejects.toMatchObject({ code: "forbidden" });
    expect((await first(db.select().from(users).where(eq(users.id, staff.id))))!.passwordSignIn).toBe(true);
  });
});
