// The audit trail read by people: names instead of ids, filters by person, a text search that
// never reveals withheld values, and nothing of another organisation's project.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { databaseDialect } from "@/db/url";
import { type Db, first, transaction } from "@/db/client";
import { artifacts, gates, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { auditNames } from "@/lib/data/audit-names";
import { allAuditFacets, listProjectAudit, listRecentEvents, projectAuditFacets } from "@/lib/data/audit-trail";
import { describeAuditEvent, sentenceText } from "@/lib/domain/audit-sentence";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeProject, makeWorld } from "@/lib/testing/fixtures";

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;
let artifact: { id: string; title: string };

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

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
      action: "gate.submit",
      objectType: "gate",
      objectId: gate7.id,
      projectId,
      after: { number: 7 },
    });
    await recordAudit(tx, ctxFor(world.pm), {
      action: "project.update",
      objectType: "project",
      objectId: projectId,
      projectId,
      before: { internalNotes: "margin is thin" },
      after: { internalNotes: "discount agreed" },
    });
  });
});

const list = async (actor = world.pm, options: Record<string, unknown> = {}) =>
  await listProjectAudit(db, actor, world.project.id, { limit: 50, ...options });
const sentences = async (items: Awaited<ReturnType<typeof list>>["items"], withProject = false) => {
  const names = await auditNames(db, items, { withProject });
  return items.map((e) =>
    sentenceText(
      describeAuditEvent({
        action: e.action,
        objectType: e.objectType,
        before: e.before,
        after: e.after,
        names: names.get(e.id)!,
      }),
    ),
  );
};

describe("the trail reads in names", () => {
  it("names the actor, the object's title and its gate; the admin trail adds the project", async () => {
    const page = await list(world.viewer);
    expect(await sentences(page.items)).toEqual(
      expect.arrayContaining([
        `Jonas Weber approved ${artifact.title} on gate 7`,
        "Paula Martins submitted gate 7 for review",
        `Paula Martins edited ${world.project.name}`,
      ]),
    );
    const recent = await listRecentEvents(db, world.admin, { limit: 3 });
    expect(await sentences(recent.items, true)).toContain(
      `Jonas Weber approved ${artifact.title} on gate 7 of ${world.project.name}`,
    );
  });

  // Counts SQLite's prepared statements; the same code issues the same queries on PostgreSQL.
  it.skipIf(databaseDialect() === "postgres")(
    "resolves every object type of a page with one query per type, not per event",
    async () => {
      const statements: string[] = [];
      const prepare = db.$client.prepare.bind(db.$client);
      db.$client.prepare = ((sql: string) => {
        statements.push(sql);
        return prepare(sql);
      }) as typeof db.$client.prepare;
      try {
        const items = (await list()).items;
        statements.length = 0;
        await auditNames(db, [...items, ...items], { withProject: true });
      } finally {
        db.$client.prepare = prepare;
      }
      // actors, artifacts, gates, projects (as objects), projects (as context): five at most, however many events.
      expect(statements.length).toBeLessThanOrEqual(5);
    },
  );
});

describe("filters and search", () => {
  it("filters by person and offers people by name", async () => {
    expect((await list(world.pm, { actor: world.owner.id })).items.map((e) => e.action)).toEqual(["artifact.approve"]);
    expect((await projectAuditFacets(db, world.viewer, world.project.id)).actors).toEqual(
      expect.arrayContaining([{ id: world.owner.id, email: world.owner.email, name: "Jonas Weber" }]),
    );
    expect((await allAuditFacets(db, world.admin)).actors.map((a) => a.name)).toContain("Paula Martins");
  });

  it.each<[string, string, string[]]>([
    ["a person's name, any case", "jonas", ["artifact.approve"]],
    ["an action", "gate.sub", ["gate.submit"]],
    ["nothing that matches", "no such thing", []],
  ])("searches %s", async (_label, q, actions) => {
    expect((await list(world.pm, { q })).items.map((e) => e.action)).toEqual(actions);
  });

  it("searches an object's title", async () => {
    const q = artifact.title.slice(0, 8);
    expect((await list(world.viewer, { q })).items.map((e) => e.objectId)).toContain(artifact.id);
  });

  it("treats % and _ literally", async () => {
    expect((await list(world.pm, { q: "%" })).items).toEqual([]);
  });

  it("searches recorded values for vendor readers only: a client cannot probe a withheld note", async () => {
    expect((await list(world.pm, { q: "discount agreed" })).items.map((e) => e.action)).toEqual(["project.update"]);
    expect((await list(world.owner, { q: "discount agreed" })).items).toEqual([]);
    expect((await list(world.viewer, { q: "margin" })).items).toEqual([]);
  });

  it("combines search, person and dates on the administrators' trail", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (
        await listRecentEvents(db, world.admin, { limit: 10, q: "paula", from: today, to: today, objectType: "gate" })
      ).items.map((e) => e.action),
    ).toEqual(["gate.submit"]);
    expect(
      (
        await listRecentEvents(db, world.admin, {
          limit: 10,
          actor: world.owner.id,
          from: "2020-01-01",
          to: "2020-01-02",
        })
      ).items,
    ).toEqual([]);
  });
});

describe("another organisation's client cannot see the events", () => {
  it("gets not found for the trail, its search and its filters", async () => {
    expect((await refusal(async () => await list(world.otherViewer, { q: "jonas" }))).status).toBe(404);
    expect((await refusal(async () => await list(world.otherViewer, { actor: world.owner.id }))).status).toBe(404);
    expect((await refusal(async () => await projectAuditFacets(db, world.otherViewer, world.project.id))).status).toBe(
      404,
    );
  });

  it("and a client of this organisation searching finds nothing of another project", async () => {
    const other = await makeProject(db, world.pm, world.otherOrg.id, { name: "AquaVale meters" });
    await recordAudit(db, ctxFor(world.pm), {
      action: "project.update",
      objectType: "project",
      objectId: other.id,
      projectId: other.id,
      after: { name: "AquaVale meters" },
    });
    expect((await list(world.viewer, { q: "aquavale" })).items).toEqual([]);
    expect((await refusal(async () => await listProjectAudit(db, world.viewer, other.id, { limit: 10 }))).status).toBe(
      404,
    );
  });
});
