import { and, desc, eq, gt } from "drizzle-orm";
import { type Db, first, transaction } from "@/db/client";
import { signInAttempts, users, type User } from "@/db/schema";
import { RELEVANT_WINDOW_MS, throttleState, type ThrottleState } from "@/lib/domain/sign-in-throttle";
import { DUMMY_PASSWORD_HASH as DUMMY_HASH, verifyPassword } from "@/lib/password";

export type SignInOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "throttled"; until: Date };

async function currentThrottle(db: Db, email: string, ip: string, now: Date): Promise<ThrottleState> {
  const since = new Date(now.getTime() - RELEVANT_WINDOW_MS).toISOString();
  const recent = await db
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip), gt(signInAttempts.at, since)))
    .orderBy(desc(signInAttempts.at));
  const failures: Date[] = [];
  for (const attempt of recent) {
    if (attempt.succeeded) break;
    failures.push(new Date(attempt.at));
  }
  return throttleState(failures, now);
}

/** When the throttle lifts for this account and address, or null when it is not locked. */
/** Whole minutes until a pause ends, at least 1: how long to wait, said the same in every time zone. */
export function minutesLeft(until: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

export async function throttleUntil(db: Db, email: string, ip: string, now = new Date()): Promise<Date | null> {
  const state = await currentThrottle(db, email.trim().toLowerCase(), ip, now);
  return state.locked ? state.until : null;
}

/** Checks the throttle, then the password; records the attempt unless it was refused by the throttle. */
export async function attemptSignIn(
  db: Db,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  const throttle = await currentThrottle(db, email, input.ip, now);
  if (throttle.locked) return { ok: false, reason: "throttled", until: throttle.until };

  const user = await first(db.select().from(users).where(eq(users.email, email)));
  // Verify against a dummy hash for unknown accounts so timing does not reveal which exist.
  const valid =
    (await verifyPassword(user && !user.disabledAt ? user.passwordHash : DUMMY_HASH, input.password)) &&
    Boolean(user && !user.disabledAt);
  await transaction(db, (tx) =>
    tx.insert(signInAttempts).values({ email, ip: input.ip, succeeded: Boolean(valid), at: now.toISOString() }),
  );
  if (!valid || !user) return { ok: false, reason: "invalid_credentials" };
  return { ok: true, user };
}
