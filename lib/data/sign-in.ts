import { and, desc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInAttempts, users, type User } from "@/db/schema";
import { RELEVANT_WINDOW_MS, throttleState, type ThrottleState } from "@/lib/domain/sign-in-throttle";
import { verifyPassword } from "@/lib/password";

export type SignInOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "throttled"; until: Date };

function currentThrottle(db: Db, email: string, ip: string, now: Date): ThrottleState {
  const since = new Date(now.getTime() - RELEVANT_WINDOW_MS).toISOString();
  const recent = db
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip), gt(signInAttempts.at, since)))
    .orderBy(desc(signInAttempts.at))
    .all();
  const failures: Date[] = [];
  for (const attempt of recent) {
    if (attempt.succeeded) break;
    failures.push(new Date(attempt.at));
  }
  return throttleState(failures, now);
}

/** Checks the throttle, then the password; records the attempt unless it was refused by the throttle. */
export async function attemptSignIn(
  db: Db,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  const throttle = currentThrottle(db, email, input.ip, now);
  if (throttle.locked) return { ok: false, reason: "throttled", until: throttle.until };

  const user = db.select().from(users).where(eq(users.email, email)).get();
  const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : false;
  db.insert(signInAttempts)
    .values({ email, ip: input.ip, succeeded: Boolean(valid), at: now.toISOString() })
    .run();
  if (!valid || !user) return { ok: false, reason: "invalid_credentials" };
  return { ok: true, user };
}
