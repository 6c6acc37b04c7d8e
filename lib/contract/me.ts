// The contract of the caller's own account: its signed-in sessions and its API tokens, listed and
// revoked one by one (issue 15). Another account's session or token answers 404, as an unknown one does.
import { z } from "zod";
import { id, instant } from "./shared";
import { operation } from "./operation";

export const OwnSession = z
  .object({
    id: z.uuid(),
    browser: z
      .string()
      .nullable()
      .meta({ description: "The browser, from the session's User-Agent; null when unknown." }),
    os: z.string().nullable().meta({ description: "The operating system, from the User-Agent; null when unknown." }),
    ip: z.string().nullable().meta({ description: "The address the session was opened from, when known." }),
    createdAt: instant.meta({ description: "When the session was opened (signed in)." }),
    lastSeenAt: instant.meta({ description: "Its last request, recorded at most once a minute." }),
    current: z.boolean().meta({ description: "The session this request was made with (false with a bearer token)." }),
  })
  .meta({ id: "OwnSession" });

export const OwnApiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: "The token's first characters, to recognise it; never the token." }),
    createdAt: instant,
    lastUsedAt: instant.nullable().meta({ description: "Its last use, recorded at most once a minute." }),
    revokedAt: instant.nullable(),
  })
  .meta({ id: "OwnApiToken" });

export const listOwnSessionsOp = operation({
  id: "listOwnSessions",
  method: "get",
  path: "/api/v1/me/sessions",
  tag: "Account",
  summary: "The caller's open sessions, the most recently seen first",
  success: {
    status: 200,
    description: "The open sessions",
    schema: z.object({ items: z.array(OwnSession) }),
  },
});

export const revokeOwnSessionOp = operation({
  id: "revokeOwnSession",
  method: "delete",
  path: "/api/v1/me/sessions/{sessionId}",
  tag: "Account",
  summary: "End one of the caller's sessions: it is refused on its next request",
  description: "An unknown session, another account's and one that already ended all answer 404 and change nothing.",
  params: z.object({ sessionId: id("session") }),
  success: { status: 204, description: "Ended" },
  errors: [422],
});

export const listOwnTokensOp = operation({
  id: "listOwnTokens",
  method: "get",
  path: "/api/v1/me/tokens",
  tag: "Account",
  summary: "The caller's API tokens, revoked ones included, newest first",
  success: {
    status: 200,
    description: "The tokens",
    schema: z.object({ items: z.array(OwnApiToken) }),
  },
});

export const revokeOwnTokenOp = operation({
  id: "revokeOwnToken",
  method: "delete",
  path: "/api/v1/me/tokens/{tokenId}",
  tag: "Account",
  summary: "Revoke one of the caller's API tokens",
  description: "An unknown token, another account's and one already revoked all answer 404 and change nothing.",
  params: z.object({ tokenId: id("token") }),
  success: { status: 204, description: "Revoked" },
  errors: [422],
});

export const meOperations = [listOwnSessionsOp, revokeOwnSessionOp, listOwnTokensOp, revokeOwnTokenOp];
