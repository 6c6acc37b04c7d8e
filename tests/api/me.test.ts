// The caller's own sessions and tokens over HTTP (bearer token): listed, ended one by one, and
// another account's answer 404 without changing anything.
import { beforeEach, describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/v1/me/sessions/[sessionId]/route";
import * as sessionsRoute from "@/app/api/v1/me/sessions/route";
import * as tokenRoute from "@/app/api/v1/me/tokens/[tokenId]/route";
import * as tokensRoute from "@/app/api/v1/me/tokens/route";
import { listOwnSessionsOp, listOwnTokensOp, revokeOwnSessionOp, revokeOwnTokenOp } from "@/lib/contract/me";
import { sessionInUse, startSession } from "@/lib/data/sessions";
import { createApiToken } from "@/lib/data/tokens";
import { confirmEnrolment, setTwoFactorPolicy, startEnrolment } from "@/lib/data/two-factor";
import { codeAt, timeStep } from "@/lib/domain/two-factor";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";
import { ctxFor } from "@/lib/testing/fixtures";

let { db, world, api } = {} as ApiWorld;

beforeEach(async () => {
  ({ db, world, api } = await apiWorld());
});

const SAFARI =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 " +
  "Safari/605.1.15";

describe("/api/v1/me over HTTP", () => {
  it("lists my sessions (none is 'this one' with a bearer token) and ends one; again it answers 404", async () => {
    const id = await startSession(db, { userId: world.pm.id, ip: "203.0.113.5", userAgent: SAFARI });
    const listed = await api.call(sessionsRoute.GET, listOwnSessionsOp, { as: world.pm });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      items: [expect.objectContaining({ id, browser: "Safari", os: "macOS", ip: "203.0.113.5", current: false })],
    });
    const ended = await api.call(sessionRoute.DELETE, revokeOwnSessionOp, { as: world.pm, params: { sessionId: id } });
    expect(ended.status).toBe(204);
    expect(await sessionInUse(db, { sessionId: id, userId: world.pm.id })).toBe(false);
    const again = await api.call(sessionRoute.DELETE, revokeOwnSessionOp, { as: world.pm, params: { sessionId: id } });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ status: 404 });
  });

  it("another account's session and token answer 404 and stay as they were", async () => {
    const mine = await startSession(db, { userId: world.pm.id, ip: null, userAgent: null });
    const { id: tokenId } = await createApiToken(db, ctxFor(world.pm), "ci");
    const asStranger = { as: world.viewer };
    expect(
      (await api.call(sessionRoute.DELETE, revokeOwnSessionOp, { ...asStranger, params: { sessionId: mine } })).status,
    ).toBe(404);
    expect((await api.call(tokenRoute.DELETE, revokeOwnTokenOp, { ...asStranger, params: { tokenId } })).status).toBe(
      404,
    );
    expect(await sessionInUse(db, { sessionId: mine, userId: world.pm.id })).toBe(true);
    const strangerList = await api.call(sessionsRoute.GET, listOwnSessionsOp, asStranger);
    expect(strangerList.body).toEqual({ items: [] });
    const tokens = await api.call(tokensRoute.GET, listOwnTokensOp, { as: world.pm });
    expect((tokens.body as { items: { id: string; revokedAt: string | null }[] }).items).toContainEqual(
      expect.objectContaining({ id: tokenId, revokedAt: null }),
    );
  });

  it("revokes my token; the token is refused on its next request, and a second revocation answers 404", async () => {
    const { id: tokenId, token } = await createApiToken(db, ctxFor(world.pm), "ci");
    expect((await api.call(tokenRoute.DELETE, revokeOwnTokenOp, { as: world.pm, params: { tokenId } })).status).toBe(
      204,
    );
    const refused = await sessionsRoute.GET(
      new Request("http://localhost/api/v1/me/sessions", { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({}) },
    );
    expect(refused.status).toBe(401);
    expect((await api.call(tokenRoute.DELETE, revokeOwnTokenOp, { as: world.pm, params: { tokenId } })).status).toBe(
      404,
    );
  });

  it("refuses the token of an account the two-factor policy covers until it enrols, as its sessions", async () => {
    await setTwoFactorPolicy(db, ctxFor(world.admin), "required_for_staff");
    const refused = await api.call(tokensRoute.GET, listOwnTokensOp, { as: world.pm });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "two_factor_setup_required" });
    expect(refused.body).toMatchObject({ detail: expect.stringContaining("two-factor") });
    // A client account is outside this policy: its token goes on working.
    expect((await api.call(tokensRoute.GET, listOwnTokensOp, { as: world.owner })).status).toBe(200);
    const now = new Date();
    const { key } = await startEnrolment(db, ctxFor(world.pm), now);
    await confirmEnrolment(db, ctxFor(world.pm), codeAt(key, timeStep(now)), now);
    expect((await api.call(tokensRoute.GET, listOwnTokensOp, { as: world.pm })).status).toBe(200);
  });
});
