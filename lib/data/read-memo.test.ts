import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { databaseDialect } from "@/db/url";
import { openDatabase, type Db, closeDatabase } from "@/db/client";
import { gateBoardMembers, gates, projectMembers, projects } from "@/db/schema";
import { dashboardView } from "@/lib/data/dashboard-view";
import { memoRead } from "@/lib/data/read-memo";
import { changeStamp, transaction } from "@/db/client";
import { createTestDb, makeProject, makeWorld } from "@/lib/testing/fixtures";
import { portfolioQuerySchema } from "@/lib/validation/dashboard";

const TODAY = "2026-06-15";
const q = (over: Record<string, unknown> = {}) => portfolioQuerySchema.parse(over);

describe("memoRead", () => {
  let db: Db;
  let reads: number;
  const projectCount = () => memoRead(db, "projects", async () => (reads++, (await db.select().from(projects)).length));
  beforeEach(async () => {
    db = await createTestDb();
    reads = 0;
  });

  it("answers again from memory while nothing changed", async () => {
    await makeWorld(db);
    expect(await projectCount()).toBe(1);
    expect(await projectCount()).toBe(1);
    expect(reads).toBe(1);
  });

  it("reads again after any write by this process", async () => {
    const w = await makeWorld(db);
    await projectCount();
    await makeProject(db, w.pm, w.org.id);
    expect(await projectCount()).toBe(2);
    expect(reads).toBe(2);
    // An update that changes no count still changes the stamp.
    await transaction(db, (tx) => tx.update(projects).set({ name: "Renamed" }).where(eq(projects.id, w.project.id)));
    await projectCount();
    expect(reads).toBe(3);
  });

  it("shares one read among callers that miss at the same time, and holds no failure", async () => {
    await makeWorld(db);
    const answers = await Promise.all(Array.from({ length: 10 }, () => projectCount()));
    expect(answers).toEqual(Array(10).fill(1));
    expect(reads).toBe(1);
    // The failing read takes a while, as a real one does: on PostgreSQL each caller first waits for
    // its own change-stamp query, and a read failing at once would be over before the others ask.
    const failing = () =>
      memoRead(db, "failing", async () => {
        reads++;
        await new Promise((resolve) => setTimeout(resolve, 200));
        throw new Error("read failed");
      });
    const failures = await Promise.allSettled([failing(), failing(), failing()]);
    expect(failures.map((f) => f.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(reads).toBe(2);
    // Nothing was kept: the next caller reads again.
    await expect(failing()).rejects.toThrow("read failed");
    expect(reads).toBe(3);
  });

  it("keeps answers apart by key", async () => {
    await makeWorld(db);
    expect(await memoRead(db, "a", async () => "first")).toBe("first");
    expect(await memoRead(db, "b", async () => "second")).toBe("second");
    expect(await memoRead(db, "a", async () => "never")).toBe("first");
  });

  // SQLite files only; on PostgreSQL the change counter is shared by every connection.
  describe.skipIf(databaseDialect() === "postgres")("with another connection to the same file", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), "lightgate-memo-"));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("reads again after another process commits", async () => {
      const file = path.join(dir, "lightgate.db");
      db = openDatabase(file);
      const w = await makeWorld(db);
      const other = openDatabase(file);
      const before = await changeStamp(db);
      expect(await projectCount()).toBe(1);
      await makeProject(other, w.pm, w.org.id);
      expect(await changeStamp(db)).not.toBe(before);
      expect(await projectCount()).toBe(2);
      expect(reads).toBe(2);
      await closeDatabase(other);
      await closeDatabase(db);
    });

    it("reads again after a transaction that was open during the read commits", async () => {
      db = openDatabase(path.join(dir, "lightgate.db"));
      const w = await makeWorld(db);
      await transaction(db, async () => {
        await makeProject(db, w.pm, w.org.id);
        // The reader sees only what is committed: the open transaction's project is not there yet.
        expect(await projectCount()).toBe(1);
      });
      expect(await projectCount()).toBe(2);
      expect(reads).toBe(2);
      await closeDatabase(db);
    });
  });
});

describe("dashboardView", () => {
  let db: Db;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeEach(async () => {
    db = await createTestDb();
    w = await makeWorld(db);
  });

  it("never answers one account with another's memoised dashboard", async () => {
    const mine = await dashboardView(db, w.pm, q(), TODAY);
    const theirs = await dashboardView(db, w.outsiderStaff, q(), TODAY);
    expect(mine.page.items.map((i) => i.id)).toEqual([w.project.id]);
    expect(theirs.page.items).toEqual([]);
    expect((await dashboardView(db, w.otherViewer, q(), TODAY)).page.items).toEqual([]);
  });

  it("shows a new membership and a new board seat at once", async () => {
    expect((await dashboardView(db, w.outsiderStaff, q(), TODAY)).page.total).toBe(0);
    await transaction(db, (tx) =>
      tx.insert(projectMembers).values({ projectId: w.project.id, userId: w.outsiderStaff.id, role: "team_member" }),
    );
    expect((await dashboardView(db, w.outsiderStaff, q(), TODAY)).page.total).toBe(1);

    expect((await dashboardView(db, w.boardMember, q(), TODAY)).queue.seated).toBe(false);
    const gate = (await db.select().from(gates).where(eq(gates.projectId, w.project.id))).find((g) => g.number === 7)!;
    await transaction(db, (tx) =>
      tx.insert(gateBoardMembers).values({ gateId: gate.id, userId: w.boardMember.id, required: true }),
    );
    expect((await dashboardView(db, w.boardMember, q(), TODAY)).queue.seated).toBe(true);
  });

  it("computes a query and a day of its own", async () => {
    await makeProject(db, w.pm, w.org.id, { name: "Another rollout" });
    expect((await dashboardView(db, w.pm, q({ pageSize: 5 }), TODAY)).page.total).toBe(2);
    expect((await dashboardView(db, w.pm, q({ status: "killed" }), TODAY)).page.total).toBe(0);
    const tomorrow = await dashboardView(db, w.pm, q(), "2026-06-16");
    expect(tomorrow).not.toBe(await dashboardView(db, w.pm, q(), TODAY));
    expect(await dashboardView(db, w.pm, q(), TODAY)).toBe(await dashboardView(db, w.pm, q(), TODAY));
  });
});
