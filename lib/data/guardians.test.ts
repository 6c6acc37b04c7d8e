import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, first } from "@/db/client";
import { auditEvents, guardians, projectMembers } from "@/db/schema";
import { memberRoles } from "@/lib/data/access";
import {
  createSite,
  guardianRoster,
  listGuardians,
  moveGuardian,
  nominateGuardian,
  withdrawGuardian,
} from "@/lib/data/guardians";
import { createModule, updateModule } from "@/lib/data/training-modules";
import { createTestDb, ctxFor, makeProject, makeUser } from "@/lib/testing/fixtures";
import { makeReadinessWorld, trainAndScore } from "@/lib/testing/readiness-fixtures";

let db: Db;
let w: Awaited<ReturnType<typeof makeReadinessWorld>>;

beforeEach(async () => {
  db = await createTestDb();
  w = await makeReadinessWorld(db);
});

const statusOf = async (id: string) => (await first(db.select().from(guardians).where(eq(guardians.id, id))))!.status;

describe("nominating guardians", () => {
  it("the PM nominates a client user, who becomes a guardian member; audited", async () => {
    const newcomer = await makeUser(db, "client", w.org.id);
    const g = await nominateGuardian(db, ctxFor(w.pm), {
      projectId: w.project.id,
      userId: newcomer.id,
      siteId: w.site.id,
    });
    expect(g.status).toBe("nominated");
    expect(await memberRoles(db, w.project.id, newcomer.id)).toEqual(["guardian"]);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.projectId, w.project.id))).map(
      (e) => e.action,
    );
    expect(actions).toContain("guardian.nominate");
    expect(actions).toContain("project.member.add");
  });

  it("the client owner may nominate too", async () => {
    const g = await nominateGuardian(db, ctxFor(w.owner), {
      projectId: w.project.id,
      userId: w.guardian.id,
      siteId: w.site.id,
    });
    expect(g.nominatedBy).toBe(w.owner.id);
  });

  it("refuses a second nomination of an active guardian (409)", async () => {
    await nominateGuardian(db, ctxFor(w.pm), { projectId: w.project.id, userId: w.guardian.id, siteId: w.site.id });
    await expect(
      nominateGuardian(db, ctxFor(w.pm), { projectId: w.project.id, userId: w.guardian.id, siteId: w.site.id }),
    ).rejects.toThrow(expect.objectContaining({ code: "rule_refused", reason: "already_guardian" }));
  });

  it("refuses vendor accounts and clients of another organisation (422)", async () => {
    for (const userId of [w.engineer.id, w.otherViewer.id]) {
      await expect(
        nominateGuardian(db, ctxFor(w.pm), { projectId: w.project.id, userId, siteId: w.site.id }),
      ).rejects.toThrow(expect.objectContaining({ code: "invalid_input" }));
    }
    expect(await listGuardians(db, w.pm, w.project.id)).toHaveLength(0);
  });

  it("refuses a site of another project", async () => {
    const otherProject = await makeProject(db, w.pm, w.org.id);
    const foreignSite = await createSite(db, ctxFor(w.pm), {
      projectId: otherProject.id,
      name: "Elsewhere",
      location: "",
    });
    await expect(
      nominateGuardian(db, ctxFor(w.pm), { projectId: w.project.id, userId: w.guardian.id, siteId: foreignSite.id }),
    ).rejects.toThrow(expect.objectContaining({ code: "invalid_input" }));
    expect(await listGuardians(db, w.pm, w.project.id)).toHaveLength(0);
  });

  it("refuses a duplicate site name with a field error", async () => {
    await expect(
      createSite(db, ctxFor(w.pm), { projectId: w.project.id, name: "Hamburg HQ", location: "" }),
    ).rejects.toThrow(
      expect.objectContaining({ code: "invalid_input", details: { fieldErrors: { name: expect.any(Array) } } }),
    );
  });
});

describe("status follows training", () => {
  it("nominated → in_training → certified, each step audited", async () => {
    const g = await nominateGuardian(db, ctxFor(w.pm), {
      projectId: w.project.id,
      userId: w.guardian.id,
      siteId: w.site.id,
    });
    await trainAndScore(db, w, g.id, w.usage.id, 85);
    expect(await statusOf(g.id)).toBe("in_training");
    await trainAndScore(db, w, g.id, w.administration.id, 55);
    expect(await statusOf(g.id)).toBe("in_training");
    await trainAndScore(db, w, g.id, w.administration.id, 72);
    expect(await statusOf(g.id)).toBe("certified");
    const row = (await first(db.select().from(guardians).where(eq(guardians.id, g.id))))!;
    expect(row.certifiedAt).not.toBeNull();
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.objectId, g.id))).map((e) => e.action);
    expect(actions).toEqual(["guardian.nominate", "guardian.status", "guardian.certify"]);
  });

  it("raising a pass mark or adding a required module takes certification back", async () => {
    const g = await nominateGuardian(db, ctxFor(w.pm), {
      projectId: w.project.id,
      userId: w.guardian.id,
      siteId: w.site.id,
    });
    await trainAndScore(db, w, g.id, w.usage.id, 75);
    await trainAndScore(db, w, g.id, w.administration.id, 75);
    expect(await statusOf(g.id)).toBe("certified");
    await updateModule(db, ctxFor(w.pm), {
      projectId: w.project.id,
      moduleId: w.usage.id,
      name: "Usage",
      description: "",
      required: true,
      passMark: 80,
    });
    expect(await statusOf(g.id)).toBe("in_training");
    await updateModule(db, ctxFor(w.pm), {
      projectId: w.project.id,
      moduleId: w.usage.id,
      name: "Usage",
      description: "",
      required: true,
      passMark: 75,
    });
    expect(await statusOf(g.id)).toBe("certified");
    await createModule(db, ctxFor(w.pm), {
      projectId: w.project.id,
      kind: "configuration",
      name: "Configuration",
      description: "",
      required: true,
      passMark: 60,
    });
    expect(await statusOf(g.id)).toBe("in_training");
  });

  it("withdrawn stays withdrawn through new scores; re-nomination restores from the record", async () => {
    const g = await nominateGuardian(db, ctxFor(w.pm), {
      projectId: w.project.id,
      userId: w.guardian.id,
      siteId: w.site.id,
    });
    await trainAndScore(db, w, g.id, w.usage.id, 90);
    const withdrawn = await withdrawGuardian(db, ctxFor(w.owner), { projectId: w.project.id, guardianId: g.id });
    expect(withdrawn.status).toBe("withdrawn");
    await expect(withdrawGuardian(db, ctxFor(w.owner), { projectId: w.project.id, guardianId: g.id })).rejects.toThrow(
      expect.objectContaining({ reason: "already_withdrawn" }),
    );
    const back = await nominateGuardian(db, ctxFor(w.pm), {
      projectId: w.project.id,
      userId: w.guardian.id,
      siteId: w.site.id,
    });
    expect(back.id).toBe(g.id);
    expect(back.status).toBe("in_training");
  });

  it("the roster shows progress per module per site", async () => {
    const g = await nominateGuardian(db, ctxFor(w.pm), {
      projectId: w.project.id,
      userId: w.guardian.id,
      siteId: w.site.id,
    });
    await trainAndScore(db, w, g.id, w.administration.id, 55);
    const roster = await guardianRoster(db, w.viewer, w.project.id);
    const entry = roster.sites[0].guardians[0];
    expect(entry.progress.find((p) => p.moduleId === w.administration.id)).toMatchObject({
      attended: true,
      bestScore: 55,
      passed: false,
    });
    expect(entry.progress.find((p) => p.moduleId === w.usage.id)).toMatchObject({
      attended: false,
      bestScore: null,
      passed: false,
    });
  });
});

describe("concurrency", () => {
  it("a stale withdraw or move is refused with 409", async () => {
    const g = await nominateGuardian(db, ctxFor(w.pm), {
      projectId: w.project.id,
      userId: w.guardian.id,
      siteId: w.site.id,
    });
    const other = await createSite(db, ctxFor(w.pm), { projectId: w.project.id, name: "Kiel", location: "" });
    await moveGuardian(db, ctxFor(w.pm), {
      projectId: w.project.id,
      guardianId: g.id,
      siteId: other.id,
      expectedVersion: g.version,
    });
    await expect(
      withdrawGuardian(db, ctxFor(w.owner), { projectId: w.project.id, guardianId: g.id, expectedVersion: g.version }),
    ).rejects.toThrow(expect.objectContaining({ code: "stale_version" }));
    expect(await statusOf(g.id)).toBe("nominated");
  });
});

describe("another user cannot see or change this", () => {
  it("a client of another organisation gets 404 on reads and writes", async () => {
    const g = await nominateGuardian(db, ctxFor(w.pm), {
      projectId: w.project.id,
      userId: w.guardian.id,
      siteId: w.site.id,
    });
    await expect(listGuardians(db, w.otherViewer, w.project.id)).rejects.toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    await expect(guardianRoster(db, w.otherViewer, w.project.id)).rejects.toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    await expect(
      withdrawGuardian(db, ctxFor(w.otherViewer), { projectId: w.project.id, guardianId: g.id }),
    ).rejects.toThrow(expect.objectContaining({ code: "not_found" }));
    await expect(
      createSite(db, ctxFor(w.otherViewer), { projectId: w.project.id, name: "X", location: "" }),
    ).rejects.toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("a viewer, a guardian and an engineer cannot nominate (403); nothing changes", async () => {
    for (const actor of [w.viewer, w.guardian, w.engineer]) {
      await expect(
        nominateGuardian(db, ctxFor(actor), { projectId: w.project.id, userId: w.guardian.id, siteId: w.site.id }),
      ).rejects.toThrow(expect.objectContaining({ code: "forbidden" }));
    }
    expect(await listGuardians(db, w.pm, w.project.id)).toHaveLength(0);
    expect(await db.select().from(projectMembers).where(eq(projectMembers.userId, w.guardian.id))).toHaveLength(1);
  });

  it("a vendor outsider cannot see the roster (404)", async () => {
    await expect(guardianRoster(db, w.outsiderStaff, w.project.id)).rejects.toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
  });
});
