// The billing operations over HTTP: milestones page by page, invoicing and payment, the CSV exports.
import { beforeEach, describe, expect, it } from "vitest";
import * as portfolioCsvRoute from "@/app/api/v1/billing.csv/route";
import * as projectCsvRoute from "@/app/api/v1/projects/[projectId]/billing.csv/route";
import * as milestoneRoute from "@/app/api/v1/projects/[projectId]/milestones/[milestoneId]/route";
import * as milestonesRoute from "@/app/api/v1/projects/[projectId]/milestones/route";
import { listMilestonesOp, moveMilestoneOp, portfolioBillingCsvOp, projectBillingCsvOp } from "@/lib/contract/billing";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";
import { acceptedSprint, plannedSprint } from "@/lib/testing/delivery-fixtures";

let { db, world, api } = {} as ApiWorld;

beforeEach(async () => ({ db, world, api } = await apiWorld()));

type Milestone = { id: string; sprintNumber: number; status: string; version: number };
type Page = { items: Milestone[]; nextCursor: string | null; totals: { currency: string }[]; terms: object };

describe("billing over HTTP", () => {
  it("lists milestones page by page, invoices and marks one paid, exports CSV", async () => {
    const projectId = world.project.id;
    await acceptedSprint(db, world, 1);
    await plannedSprint(db, world, 2);
    await plannedSprint(db, world, 3);

    const first = await api.call(milestonesRoute.GET, listMilestonesOp, {
      as: world.owner,
      params: { projectId },
      query: { limit: 2 },
    });
    const page1 = first.body as Page;
    expect(page1.items.map((m) => [m.sprintNumber, m.status])).toEqual([
      [1, "billable"],
      [2, "pending"],
    ]);
    expect(page1.terms).toMatchObject({ billingMode: "per_day", currency: "EUR" });
    const second = await api.call(milestonesRoute.GET, listMilestonesOp, {
      as: world.owner,
      params: { projectId },
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    const page2 = second.body as Page;
    expect(page2.items.map((m) => m.sprintNumber)).toEqual([3]);
    expect(page2.nextCursor).toBeNull();
    // The totals are the whole project's on every page.
    expect(page2.totals).toEqual(page1.totals);

    const milestoneId = page1.items[0].id;
    const invoiced = await api.call(milestoneRoute.POST, moveMilestoneOp, {
      as: world.pm,
      params: { projectId, milestoneId },
      body: { action: "invoice", invoiceReference: "INV-2026-014", expectedVersion: page1.items[0].version },
    });
    expect(invoiced.body).toMatchObject({ status: "invoiced", invoiceReference: "INV-2026-014" });
    const paid = await api.call(milestoneRoute.POST, moveMilestoneOp, {
      as: world.pm,
      params: { projectId, milestoneId },
      body: { action: "mark_paid" },
    });
    expect(paid.body).toMatchObject({ id: milestoneId, status: "paid" });

    const csv = await api.call(projectCsvRoute.GET, projectBillingCsvOp, { as: world.pm, params: { projectId } });
    expect(csv.status).toBe(200);
    expect(csv.response.headers.get("content-type")).toContain("text/csv");
    expect(csv.body as string).toContain("INV-2026-014");
    const portfolio = await api.call(portfolioCsvRoute.GET, portfolioBillingCsvOp, { as: world.admin });
    expect(portfolio.status).toBe(200);
    expect(portfolio.body as string).toContain(world.project.name);

    // The header row follows the reader's language (cookie, else Accept-Language); the rows do not change.
    const header = (body: unknown) => (body as string).replace(/^\uFEFF/, "").split("\r\n")[0];
    expect(header(csv.body)).toBe(
      "Project,Client,Sprint,Sprint goal,Status,Amount,Currency,Invoice reference,Billable at,Invoiced at,Paid at",
    );
    const polish = await api.call(projectCsvRoute.GET, projectBillingCsvOp, {
      as: world.pm,
      params: { projectId },
      headers: { "accept-language": "pl-PL,pl;q=0.9,en;q=0.8" },
    });
    expect(header(polish.body)).toBe(
      "Projekt,Klient,Sprint,Cel sprintu,Status,Kwota,Waluta,Numer faktury,Do fakturowania od,Zafakturowano,Zapłacono",
    );
    expect((polish.body as string).split("\r\n").slice(1)).toEqual((csv.body as string).split("\r\n").slice(1));
    const spanish = await api.call(portfolioCsvRoute.GET, portfolioBillingCsvOp, {
      as: world.admin,
      headers: { cookie: "lightgate-locale=es", "accept-language": "pl" },
    });
    expect(header(spanish.body)).toMatch(/^Proyecto,Cliente,Sprint,Objetivo del sprint,Estado,Importe,/);
  });

  it("names the invalid field and refuses a bad cursor", async () => {
    const projectId = world.project.id;
    await acceptedSprint(db, world, 1);
    const page = (await api.call(milestonesRoute.GET, listMilestonesOp, { as: world.pm, params: { projectId } }))
      .body as Page;
    const refused = await api.call(milestoneRoute.POST, moveMilestoneOp, {
      as: world.pm,
      params: { projectId, milestoneId: page.items[0].id },
      body: { action: "invoice", invoiceReference: " " },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "invalid_input", errors: { invoiceReference: expect.any(Array) } });
    const unknownAction = await api.call(milestoneRoute.POST, moveMilestoneOp, {
      as: world.pm,
      params: { projectId, milestoneId: page.items[0].id },
      body: { action: "refund" },
    });
    expect(unknownAction.status).toBe(422);
    const badCursor = await api.call(milestonesRoute.GET, listMilestonesOp, {
      as: world.pm,
      params: { projectId },
      query: { cursor: "x" },
    });
    expect(badCursor.status).toBe(422);
    expect(badCursor.body).toMatchObject({ errors: { cursor: expect.any(Array) } });
  });

  it("another account cannot see or change the milestones", async () => {
    const projectId = world.project.id;
    await acceptedSprint(db, world, 1);
    const page = (await api.call(milestonesRoute.GET, listMilestonesOp, { as: world.pm, params: { projectId } }))
      .body as Page;
    const milestoneId = page.items[0].id;
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      expect(
        (await api.call(milestonesRoute.GET, listMilestonesOp, { as: stranger, params: { projectId } })).status,
      ).toBe(404);
      expect(
        (await api.call(projectCsvRoute.GET, projectBillingCsvOp, { as: stranger, params: { projectId } })).status,
      ).toBe(404);
      const moved = await api.call(milestoneRoute.POST, moveMilestoneOp, {
        as: stranger,
        params: { projectId, milestoneId },
        body: { action: "invoice", invoiceReference: "INV-X" },
      });
      expect(moved.status).toBe(404);
    }
    // Billing is not for every member: the viewer sees the project, not its money.
    expect(
      (await api.call(milestonesRoute.GET, listMilestonesOp, { as: world.viewer, params: { projectId } })).status,
    ).toBe(403);
    const byOwner = await api.call(milestoneRoute.POST, moveMilestoneOp, {
      as: world.owner,
      params: { projectId, milestoneId },
      body: { action: "invoice", invoiceReference: "INV-X" },
    });
    expect(byOwner.status).toBe(403);
    expect((await api.call(portfolioCsvRoute.GET, portfolioBillingCsvOp, { as: world.owner })).status).toBe(403);
    const unchanged = (await api.call(milestonesRoute.GET, listMilestonesOp, { as: world.pm, params: { projectId } }))
      .body as Page;
    expect(unchanged.items[0]).toEqual(page.items[0]);
  });
});
