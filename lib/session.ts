import { eq } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import type { Actor } from "@/lib/domain/permissions";
import { clientIp, userAgent } from "@/lib/request";
import { sessionClaims } from "@/lib/session-token";

/** The signed-in account, re-checked against the database on every request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const claims = await sessionClaims((name) => jar.get(name)?.value);
  if (!claims) return null;
  const user = getDb().select().from(users).where(eq(users.id, claims.userId)).get();
  if (!user || user.disabledAt || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
  };
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

export async function requestContext(actor: Actor): Promise<RequestContext> {
  const h = await headers();
  return { actor, ip: clientIp(h), userAgent: userAgent(h) };
}
