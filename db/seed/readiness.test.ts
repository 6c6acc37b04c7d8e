import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/fixtures";
import { first } from "@/db/client";
import { users } from "@/db/schema";
import { escalationRaiseCheck } from "@/lib/data/escalations";
import { guardianRoster } from "@/lib/data/guardians";
import { listProjects } from "@/lib/data/projects";
import { listSessions } from "@/lib/data/training-sessions";
import { seedDemo } from "./demo";

describe("readiness demo data", () => {
  it("has guardians in every state, past and upcoming sessions, and the promised certifications", async () => {
    const db = await createTestDb();
    await seedDemo(db);
    const user = async (email: string) => (await first(db.select().from(users).where(eq(users.email, email))))!;
    const admin = await user("admin@demo.test");
    const byName = async (name: string) => (await listProjects(db, admin, { limit: 50, q: name })).items[0].id;
    const statuses = async (projectId: string) =>
      Object.fromEntries(
        (await guardianRoster(db, admin, projectId)).sites.flatMap((s) => s.guardians.map((g) => [g.email, g.status])),
      );

    const residential = await byName("residential billing");
    expect(await statuses(residential)).toEqual({
      "guardian@demo.test": "certified",
      "guardian2@demo.test": "certified",
      "guardian3@demo.test": "in_training",
      "guardian4@demo.test": "nominated",
      "guardian5@demo.test": "withdrawn",
    });
    expect(await escalationRaiseCheck(db, await user("guardian@demo.test"), residential)).toEqual({ ok: true });
    expect(await escalationRaiseCheck(db, await user("guardian3@demo.test"), residential)).toMatchObject({
      ok: false,
      refusal: { message: expect.stringContaining("Administration (score 55, pass mark 70)") },
    });
    const sessions = await listSessions(db, admin, residential);
    const now = Date.now();
    expect(sessions.some((s) => Date.parse(s.startsAt) < now)).toBe(true);
    expect(sessions.some((s) => Date.parse(s.startsAt) > now)).toBe(true);

    expect(Object.values(await statuses(await byName("wholesale interconnect")))).toEqual(["certified", "certified"]);
    expect(await statuses(await byName("e-mobility"))).toEqual({ "guardian@demo.test": "certified" });
  });
});
