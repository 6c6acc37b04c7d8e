import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, one } from "@/db/client";
import { paymentMilestones, projects, sprints } from "@/db/schema";
import {
  invoiceMilestone,
  markMilestonePaid,
  portfolioBilling,
  portfolioBillingCsv,
  projectBilling,
  projectBillingCsv,
  updateBillingTerms,
} from "@/lib/data/billing";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeProject, makeUser, makeWorld } from "@/lib/testing/fixtures";

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;
let milestoneId: string;

async function milestone(
  projectId: string,
  number: number,
  status: "pending" | "billable",
  amount: number,
  goal = "Tariffs",
) {
  const sprint = await one(
    db
      .insert(sprints)
      .values({
        projectId,
        number,
        goal,
        startDate: "2026-03-01",
        endDate: "2026-03-14",
        status: status === "billable" ? "accepted" : "active",
      })
      .returning(),
  );
  return await one(
    db
      .insert(paymentMilestones)
      .values({ projectId, sprintId: sprint.id, amount, currency: "EUR", status })
      .returning(),
  );
}

beforeEach(async () => {
  db = await createTestDb();
  world = await makeWorld(db);
  await db
    .update(projects)
    .set({ internalNotes: "Margin is thin", dayRate: 90_000 })
    .where(eq(projects.id, world.project.id));
  milestoneId = (await milestone(world.project.id, 1, "billable", 630_000, '=HYPERLINK("http://evil")')).id;
  await milestone(world.project.id, 2, "pending", 0);
});

describe("project billing", () => {
  it("moves billable → invoiced (reference required) → paid, with audit", async () => {
    const ref = { projectId: world.project.id, milestoneId };
    expect((await refusal(async () => await markMilestonePaid(db, ctxFor(world.pm), ref))).reason).toBe(
      "milestone_not_invoiced",
    );
    expect(
      (await refusal(async () => await invoiceMilestone(db, ctxFor(world.pm), { ...ref, invoiceReference: " " }))).code,
    ).toBe("invalid_input");
    expect(await invoiceMilestone(db, ctxFor(world.pm), { ...ref, invoiceReference: "INV-2026-014" })).toMatchObject({
      status: "invoiced",
      invoiceReference: "INV-2026-014",
    });
    expect(
      (
        await refusal(
          async () =>
            await invoiceMilestone(db, ctxFor(world.pm), { ...ref, invoiceReference: "INV-2", expectedVersion: 1 }),
        )
      ).code,
    ).toBe("stale_version");
    expect((await markMilestonePaid(db, ctxFor(world.pm), ref)).status).toBe("paid");
  });

  it("the client owner sees the milestones but never the internal notes, and cannot invoice", async () => {
    const seen = await projectBilling(db, world.owner, world.project.id);
    expect(seen.milestones.length).toBe(2);
    expect(seen).not.toHaveProperty("internalNotes");
    expect(JSON.stringify(seen)).not.toContain("Margin is thin");
    expect(seen.canManage).toBe(false);
    expect((await projectBilling(db, world.pm, world.project.id)).internalNotes).toBe("Margin is thin");
    expect(
      (
        await refusal(
          async () =>
            await invoiceMilestone(db, ctxFor(world.owner), {
              projectId: world.project.id,
              milestoneId,
              invoiceReference: "X",
            }),
        )
      ).code,
    ).toBe("forbidden");
  });

  it.each([
    { who: "client viewer of the project", actor: () => world.viewer, code: "forbidden" },
    { who: "guardian of the project", actor: () => world.guardian, code: "forbidden" },
    { who: "engineer of the project", actor: () => world.engineer, code: "forbidden" },
    { who: "client of another organisation", actor: () => world.otherViewer, code: "not_found" },
    { who: "vendor staff outside the project", actor: () => world.outsiderStaff, code: "not_found" },
  ])("$who cannot see billing ($code)", async ({ actor, code }) => {
    expect((await refusal(async () => await projectBilling(db, actor(), world.project.id))).code).toBe(code);
    expect((await refusal(async () => await projectBillingCsv(db, actor(), world.project.id))).code).toBe(code);
  });

  it("a milestone of another project is not found through this one", async () => {
    const other = await makeProject(db, world.pm, world.org.id);
    expect(
      (
        await refusal(
          async () =>
            await invoiceMilestone(db, ctxFor(world.pm), { projectId: other.id, milestoneId, invoiceReference: "INV" }),
        )
      ).code,
    ).toBe("not_found");
  });

  it("terms are validated by the PM only and versioned", async () => {
    expect(
      (
        await refusal(
          async () =>
            await updateBillingTerms(db, ctxFor(world.owner), {
              projectId: world.project.id,
              billingMode: "per_day",
              dayRate: 1,
              fixedSprintAmount: 0,
              currency: "EUR",
            }),
        )
      ).code,
    ).toBe("forbidden");
    const updated = await updateBillingTerms(db, ctxFor(world.pm), {
      projectId: world.project.id,
      billingMode: "fixed_per_sprint",
      dayRate: 0,
      fixedSprintAmount: 1_000_000,
      currency: "GBP",
    });
    expect(updated).toMatchObject({ billingMode: "fixed_per_sprint", currency: "GBP" });
  });

  it("exports CSV with formula-looking cells neutralised", async () => {
    const { csv } = await projectBillingCsv(db, world.pm, world.project.id);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^Project,Client,Sprint/);
    expect(lines.length).toBe(3);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("6300.00");
  });
});

describe("portfolio billing", () => {
  it("is vendor-only; staff see the projects they manage, admins everything; totals by status", async () => {
    const otherPm = await makeUser(db, "staff");
    const other = await makeProject(db, otherPm, world.otherOrg.id);
    await milestone(other.id, 1, "billable", 100_000);
    expect((await refusal(async () => await portfolioBilling(db, world.owner))).code).toBe("forbidden");
    expect((await refusal(async () => await portfolioBillingCsv(db, world.viewer))).code).toBe("forbidden");
    const pmView = await portfolioBilling(db, world.pm);
    expect(pmView.milestones.map((m) => m.projectId).every((id) => id === world.project.id)).toBe(true);
    expect(pmView.totals[0].totals.billable).toEqual({ count: 1, amount: 630_000 });
    expect((await portfolioBilling(db, world.engineer)).milestones.length).toBe(0);
    const adminView = await portfolioBilling(db, world.admin);
    expect(adminView.milestones.length).toBe(3);
    expect(adminView.totals[0].totals.billable.amount).toBe(730_000);
    expect((await portfolioBilling(db, world.admin, { status: "pending" })).milestones.length).toBe(1);
    expect((await portfolioBillingCsv(db, world.admin)).trim().split("\r\n").length).toBe(4);
  });
});
