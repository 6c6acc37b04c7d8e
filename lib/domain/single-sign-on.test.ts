import { describe, expect, it } from "vitest";
import {
  emailDomain,
  identityEmail,
  normaliseDomain,
  parseDomains,
  passwordSignInRefused,
  provisionedName,
  signOnVerdict,
  type Provisioning,
} from "./single-sign-on";

describe("identityEmail", () => {
  it.each([
    {
      name: "verified email",
      claims: { email: "Pm@Demo.Test", email_verified: true },
      claim: "email",
      out: "pm@demo.test",
    },
    {
      name: 'verified as the string "true"',
      claims: { email: "a@b.de", email_verified: "true" },
      claim: "email",
      out: "a@b.de",
    },
    {
      name: "another claim mapped",
      claims: { upn: "x@y.org", email: "z@y.org", email_verified: true },
      claim: "upn",
      out: "x@y.org",
    },
    { name: "unverified", claims: { email: "pm@demo.test", email_verified: false }, claim: "email", out: null },
    { name: "verification missing", claims: { email: "pm@demo.test" }, claim: "email", out: null },
    {
      name: '"false" as a string',
      claims: { email: "pm@demo.test", email_verified: "false" },
      claim: "email",
      out: null,
    },
    { name: "claim missing", claims: { email_verified: true }, claim: "email", out: null },
    { name: "claim not a string", claims: { email: ["a@b.de"], email_verified: true }, claim: "email", out: null },
    { name: "not an address", claims: { email: "pm at demo", email_verified: true }, claim: "email", out: null },
  ])("$name", ({ claims, claim, out }) => {
    const result = identityEmail(claims, claim);
    expect(result.ok ? result.email : null).toBe(out);
    if (!result.ok) expect(result.reason).toBe("unverified_email");
  });
});

describe("signOnVerdict", () => {
  const verified = { ok: true as const, email: "new@stadtwerke.de" };
  const provisioning: Provisioning = { organizationId: "org-1", projectRole: "client_viewer" };
  it.each([
    {
      name: "unverified email is refused even with an account",
      identity: { ok: false as const, reason: "unverified_email" as const },
      account: { id: "u1", disabled: false },
      provisioning,
      verdict: { kind: "refuse", reason: "unverified_email" },
    },
    {
      name: "matching account signs in",
      identity: verified,
      account: { id: "u1", disabled: false },
      provisioning: null,
      verdict: { kind: "sign_in", userId: "u1" },
    },
    {
      name: "matching account wins over provisioning",
      identity: verified,
      account: { id: "u1", disabled: false },
      provisioning,
      verdict: { kind: "sign_in", userId: "u1" },
    },
    {
      name: "disabled account is refused, not re-created",
      identity: verified,
      account: { id: "u1", disabled: true },
      provisioning,
      verdict: { kind: "refuse", reason: "disabled", userId: "u1" },
    },
    {
      name: "no account and no provisioning is refused",
      identity: verified,
      account: null,
      provisioning: null,
      verdict: { kind: "refuse", reason: "no_account" },
    },
    {
      name: "no account, provisioned domain creates one",
      identity: verified,
      account: null,
      provisioning,
      verdict: { kind: "provision", email: "new@stadtwerke.de", provisioning },
    },
  ])("$name", ({ identity, account, provisioning: p, verdict }) => {
    expect(signOnVerdict(identity, account, p)).toEqual(verdict);
  });
});

describe("passwordSignInRefused", () => {
  it.each([
    { account: { passwordSignIn: true }, refused: false },
    { account: { passwordSignIn: false }, refused: true },
    // An unknown account gets the ordinary wrong-password answer, never this one.
    { account: null, refused: false },
    { account: undefined, refused: false },
  ])("$account → $refused", ({ account, refused }) => {
    expect(passwordSignInRefused(account)).toBe(refused);
  });
});

describe("normaliseDomain and emailDomain", () => {
  it.each([
    { typed: "stadtwerke.de", out: "stadtwerke.de" },
    { typed: " @Stadtwerke.DE. ", out: "stadtwerke.de" },
    { typed: "mail.aguas-norte.es", out: "mail.aguas-norte.es" },
    { typed: "localhost", out: null },
    { typed: "-bad.de", out: null },
    { typed: "bad-.de", out: null },
    { typed: "a..de", out: null },
    { typed: "10.0.0.1", out: null },
    { typed: "x@y.de", out: null },
    { typed: "", out: null },
    { typed: `${"a".repeat(64)}.de`, out: null },
  ])("$typed → $out", ({ typed, out }) => {
    expect(normaliseDomain(typed)).toBe(out);
  });

  it.each([
    { email: "Paula@Stadtwerke.DE", out: "stadtwerke.de" },
    { email: "no-at-sign", out: null },
  ])("emailDomain($email) → $out", ({ email, out }) => {
    expect(emailDomain(email)).toBe(out);
  });
});

describe("parseDomains", () => {
  it.each([
    { typed: "a.de, b.de\nc.de", domains: ["a.de", "b.de", "c.de"], invalid: [] },
    { typed: "A.de a.de @a.de", domains: ["a.de"], invalid: [] },
    { typed: "a.de; nope; 1.2.3.4", domains: ["a.de"], invalid: ["nope", "1.2.3.4"] },
    { typed: "   ", domains: [], invalid: [] },
  ])("$typed", ({ typed, domains, invalid }) => {
    expect(parseDomains(typed)).toEqual({ domains, invalid });
  });
});

describe("provisionedName", () => {
  it.each([
    { claims: { name: " Paula Martins " }, out: "Paula Martins" },
    { claims: { given_name: "Paula", family_name: "Martins" }, out: "Paula Martins" },
    { claims: { given_name: "Paula" }, out: "Paula" },
    { claims: {}, out: "paula.martins" },
    { claims: { name: "x".repeat(200) }, out: "x".repeat(120) },
  ])("$out", ({ claims, out }) => {
    expect(provisionedName(claims, "paula.martins@stadtwerke.de")).toBe(out);
  });
});
