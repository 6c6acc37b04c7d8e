import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { createTestDb, ctxFor, makeUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { getPreferences, savePreferences } from "./preferences";
import { attemptSignIn } from "./sign-in";

describe("an account's language and time zone", () => {
  it("start as the browser's, are saved with one audit event, and reach the sign-in", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const other = await makeUser(db, "staff");
    expect(await getPreferences(db, staff)).toEqual({ locale: null, timeZone: null });

    const saved = await savePreferences(db, ctxFor(staff), { locale: "pl", timeZone: "Europe/Warsaw" });
    expect(saved).toEqual({ locale: "pl", timeZone: "Europe/Warsaw" });
    expect(await getPreferences(db, staff)).toEqual(saved);
    expect(await getPreferences(db, other)).toEqual({ locale: null, timeZone: null });

    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "user.preferences.change"));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: staff.id,
      objectType: "user",
      objectId: staff.id,
      before: { locale: null, timeZone: null },
      after: { locale: "pl", timeZone: "Europe/Warsaw" },
    });

    const signedIn = await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "10.0.0.1" });
    expect(signedIn.ok && { locale: signedIn.user.locale, timeZone: signedIn.user.timeZone }).toEqual(saved);
  });

  it("changes only what is given, and saving the same values writes nothing", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    await savePreferences(db, ctxFor(staff), { timeZone: "America/Bogota" });
    await savePreferences(db, ctxFor(staff), { locale: "es" });
    await savePreferences(db, ctxFor(staff), { locale: "es" });
    expect(await getPreferences(db, staff)).toEqual({ locale: "es", timeZone: "America/Bogota" });
    await savePreferences(db, ctxFor(staff), { locale: null, timeZone: null });
    const row = (await db.select().from(users).where(eq(users.id, staff.id)))[0];
    expect([row.locale, row.timeZone]).toEqual([null, null]);
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "user.preferences.change"))
      .orderBy(asc(auditEvents.seq));
    expect(events.map((e) => e.after)).toEqual([
      { locale: null, timeZone: "America/Bogota" },
      { locale: "es", timeZone: "America/Bogota" },
      { locale: null, timeZone: null },
    ]);
  });
});
