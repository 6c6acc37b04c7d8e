import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { sessionClaims } from "./session-token";

const SECRET = "test-secret-for-session-claims-0123456789";
const NAME = "authjs.session-token";

async function token(
  claims: Record<string, unknown>,
  options: { secret?: string; salt?: string; maxAge?: number } = {},
) {
  // encode() sets exp from now + maxAge; a negative maxAge gives an already expired token.
  return encode({
    token: claims,
    secret: options.secret ?? SECRET,
    salt: options.salt ?? NAME,
    maxAge: options.maxAge ?? 3600,
  });
}
const jar = (cookies: Record<string, string>) => (name: string) => cookies[name];

describe("sessionClaims", () => {
  beforeAll(() => {
    process.env.AUTH_SECRET = SECRET;
  });

  it("reads the account and its session version from a valid cookie", async () => {
    const value = await token({ sub: "user-1", sv: 3 });
    const claims = await sessionClaims(jar({ [NAME]: value }), Date.now());
    expect(claims).toMatchObject({ userId: "user-1", sessionVersion: 3 });
    // The same token again: the same answer (kept, not decrypted twice).
    expect(await sessionClaims(jar({ [NAME]: value }), Date.now())).toBe(claims);
  });

  it("reads the id of the session's row; a token issued before sessions had rows has none", async () => {
    const withRow = await token({ sub: "user-3", sv: 0, sid: "3f0e1c52-7a51-4c1e-9a54-0d7c2a3b9e10" });
    expect(await sessionClaims(jar({ [NAME]: withRow }))).toMatchObject({
      userId: "user-3",
      sessionId: "3f0e1c52-7a51-4c1e-9a54-0d7c2a3b9e10",
    });
    const without = await token({ sub: "user-4", sv: 0 });
    expect((await sessionClaims(jar({ [NAME]: without })))?.sessionId).toBeNull();
  });

  it("reads the __Secure- cookie of an HTTPS site with its own salt", async () => {
    const name = "__Secure-authjs.session-token";
    const value = await token({ sub: "user-2", sv: 0 }, { salt: name });
    expect(await sessionClaims(jar({ [name]: value }))).toMatchObject({ userId: "user-2", sessionVersion: 0 });
  });

  it.each([
    ["no cookie", async () => ({})],
    [
      "a token sealed with another secret",
      async () => ({ [NAME]: await token({ sub: "u", sv: 1 }, { secret: "another-secret-entirely-0123456789abcd" }) }),
    ],
    [
      "a token sealed for another cookie",
      async () => ({ [NAME]: await token({ sub: "u", sv: 1 }, { salt: "other" }) }),
    ],
    ["garbage", async () => ({ [NAME]: "not-a-jwe" })],
    ["a token without an account", async () => ({ [NAME]: await token({ sv: 1 }) })],
    ["an expired token", async () => ({ [NAME]: await token({ sub: "u", sv: 1 }, { maxAge: -60 }) })],
  ])("refuses %s", async (_label, cookies) => {
    expect(await sessionClaims(jar(await cookies()))).toBeNull();
  });

  it("stops accepting a kept token once it expires", async () => {
    const value = await token({ sub: "user-3", sv: 1 }, { maxAge: 60 });
    expect(await sessionClaims(jar({ [NAME]: value }))).not.toBeNull();
    expect(await sessionClaims(jar({ [NAME]: value }), Date.now() + 61_000)).toBeNull();
  });

  it("marks a token without a session version as never matching an account", async () => {
    const value = await token({ sub: "user-4" });
    expect((await sessionClaims(jar({ [NAME]: value })))?.sessionVersion ?? -1).toBe(-1);
  });
});
