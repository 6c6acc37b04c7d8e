// A project's audit trail as a Spanish or Polish reader gets it: the page's data (events, their names)
// said in the reader's words, names the data layer builds from words ("Sprint 3") included; stored
// events stay language-neutral codes.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, first, one, transaction } from "@/db/client";
import { artifacts, gates, sprints, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { sayAuditEvent } from "@/lib/audit-sentence-words";
import { auditWordsFor } from "@/lib/audit-words";
import { auditNames } from "@/lib/data/audit-names";
import { listProjectAudit } from "@/lib/data/audit-trail";
import { sentenceText } from "@/lib/domain/audit-sentence";
import { formatFor } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { createTestDb, ctxFor, makeWorld } from "@/lib/testing/fixtures";

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;
let artifact: { id: string; title: string };

beforeEach(async () => {
  db = await createTestDb();
  world = await makeWorld(db);
  await db.update(users).set({ name: "Paula Martins" }).where(eq(users.id, world.pm.id));
  await db.update(users).set({ name: "Jonas Weber" }).where(eq(users.id, world.owner.id));
  const projectId = world.project.id;
  const gate7 = (await first(
    db
      .select()
      .from(gates)
      .where(and(eq(gates.projectId, projectId), eq(gates.number, 7))),
  ))!;
  artifact = (await first(
    db
      .select({ id: artifacts.id, title: artifacts.title })
      .from(artifacts)
      .where(eq(artifacts.gateId, gate7.id))
      .limit(1),
  ))!;
  const sprint = await one(
    db
      .insert(sprints)
      .values({ projectId, number: 3, goal: "Tariffs", startDate: "2026-11-02", endDate: "2026-11-13" })
      .returning(),
  );
  await transaction(db, async (tx) => {
    await recordAudit(tx, ctxFor(world.owner), {
      action: "artifact.approve",
      objectType: "artifact",
      objectId: artifact.id,
      projectId,
      before: { status: "submitted" },
      after: { status: "approved", version: 1 },
    });
    await recordAudit(tx, ctxFor(world.pm), {
      action: "gate.vote",
      objectType: "gate",
      objectId: gate7.id,
      projectId,
      after: { vote: "conditional_go" },
    });
    await recordAudit(tx, ctxFor(world.owner), {
      action: "sprint.accept",
      objectType: "sprint",
      objectId: sprint.id,
      projectId,
      before: { status: "in_review" },
      after: { status: "accepted" },
    });
  });
});

async function trailAs(locale: Locale) {
  const words = await auditWordsFor(locale);
  const page = await listProjectAudit(db, world.viewer, world.project.id, { limit: 50 });
  const names = await auditNames(db, page.items, { withProject: false, words, format: formatFor(locale, "UTC") });
  return page.items.map((e) => ({
    action: e.action,
    sentence: sentenceText(sayAuditEvent(words, { ...e, names: names.get(e.id)! })),
  }));
}

describe("a project's trail in the reader's language", () => {
  it.each<[Locale, string[]]>([
    [
      "es",
      [
        "Jonas Weber aceptó Sprint 3",
        "Paula Martins votó “go condicional” en la puerta 7",
        "Jonas Weber aprobó {artifact} en la puerta 7",
      ],
    ],
    [
      "pl",
      [
        "Jonas Weber: akceptacja sprintu 3",
        "Paula Martins: głos „zatwierdzenie warunkowe” w sprawie bramki 7",
        "Jonas Weber: zatwierdzenie {artifact} na bramce 7",
      ],
    ],
    [
      "en",
      [
        "Jonas Weber accepted Sprint 3",
        "Paula Martins voted conditional go on gate 7",
        "Jonas Weber approved {artifact} on gate 7",
      ],
    ],
  ])("%s", async (locale, expected) => {
    const trail = await trailAs(locale);
    expect(trail.map((e) => e.sentence)).toEqual(
      expect.arrayContaining(expected.map((s) => s.replace("{artifact}", artifact.title))),
    );
    // The stored events are untouched: the same codes whatever the reader's language.
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(["sprint.accept", "gate.vote", "artifact.approve"]),
    );
  });
});
