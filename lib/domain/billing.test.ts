import { describe, expect, it } from "vitest";
import {
  centsToDecimal,
  csvCell,
  csvRows,
  decideMilestone,
  milestoneAmount,
  totalsByStatus,
  type MilestoneCommand,
  type MilestoneStatus,
} from "./billing";

const now = "2026-11-22T10:00:00.000Z";

describe("milestoneAmount", () => {
  it.each([
    {
      name: "per day: days × rate",
      terms: { billingMode: "per_day" as const, dayRate: 95_000, fixedSprintAmount: 0 },
      days: 12.5,
      amount: 1_187_500,
    },
    {
      name: "per day: nothing accepted",
      terms: { billingMode: "per_day" as const, dayRate: 95_000, fixedSprintAmount: 0 },
      days: 0,
      amount: 0,
    },
    {
      name: "per day: rounds to the cent",
      terms: { billingMode: "per_day" as const, dayRate: 333, fixedSprintAmount: 0 },
      days: 0.5,
      amount: 167,
    },
    {
      name: "fixed per sprint ignores days",
      terms: { billingMode: "fixed_per_sprint" as const, dayRate: 95_000, fixedSprintAmount: 2_000_000 },
      days: 3,
      amount: 2_000_000,
    },
  ])("$name", ({ terms, days, amount }) => {
    expect(milestoneAmount(terms, days)).toBe(amount);
  });
});

describe("decideMilestone", () => {
  const cases: { from: MilestoneStatus; command: MilestoneCommand; to?: MilestoneStatus; refused?: string }[] = [
    { from: "pending", command: { type: "make_billable", amount: 100 }, to: "billable" },
    { from: "billable", command: { type: "make_billable", amount: 100 }, refused: "milestone_not_pending" },
    { from: "pending", command: { type: "make_billable", amount: -1 }, refused: "milestone_bad_amount" },
    { from: "billable", command: { type: "invoice", invoiceReference: "INV-2026-001" }, to: "invoiced" },
    {
      from: "billable",
      command: { type: "invoice", invoiceReference: "  " },
      refused: "milestone_invoice_reference_required",
    },
    { from: "pending", command: { type: "invoice", invoiceReference: "INV-1" }, refused: "milestone_not_billable" },
    { from: "paid", command: { type: "invoice", invoiceReference: "INV-1" }, refused: "milestone_not_billable" },
    { from: "invoiced", command: { type: "mark_paid" }, to: "paid" },
    { from: "billable", command: { type: "mark_paid" }, refused: "milestone_not_invoiced" },
    { from: "paid", command: { type: "mark_paid" }, refused: "milestone_not_invoiced" },
  ];
  it.each(cases)("$from + $command.type → $to$refused", ({ from, command, to, refused }) => {
    const outcome = decideMilestone(from, command, now);
    if (refused) expect(outcome).toMatchObject({ ok: false, refusal: { code: refused } });
    else expect(outcome).toMatchObject({ ok: true, change: { status: to } });
  });

  it("trims and keeps the invoice reference with its date", () => {
    expect(decideMilestone("billable", { type: "invoice", invoiceReference: " INV-7 " }, now)).toEqual({
      ok: true,
      action: "milestone.invoice",
      change: { status: "invoiced", invoiceReference: "INV-7", invoicedAt: now },
    });
  });
});

describe("csvCell", () => {
  it.each([
    { value: "plain", cell: "plain" },
    { value: '=HYPERLINK("http://x")', cell: '"\'=HYPERLINK(""http://x"")"' },
    { value: "+1+2", cell: "'+1+2" },
    { value: "-cmd", cell: "'-cmd" },
    { value: "@SUM(A1)", cell: "'@SUM(A1)" },
    { value: "\tx", cell: "'\tx" },
    { value: "a,b", cell: '"a,b"' },
    { value: "line\nbreak", cell: '"line\nbreak"' },
    { value: 12.5, cell: "12.5" },
    { value: -3, cell: "-3" },
    { value: null, cell: "" },
  ])("$value → $cell", ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("joins rows with CRLF", () => {
    expect(
      csvRows([
        ["a", 1],
        ["b", null],
      ]),
    ).toBe("a,1\r\nb,\r\n");
  });
});

describe("money helpers", () => {
  it.each([
    { cents: 0, text: "0.00" },
    { cents: 5, text: "0.05" },
    { cents: 123456, text: "1234.56" },
    { cents: -250, text: "-2.50" },
  ])("$cents → $text", ({ cents, text }) => expect(centsToDecimal(cents)).toBe(text));

  it("totals by status and never mixes currencies", () => {
    const totals = totalsByStatus([
      { status: "billable", amount: 100, currency: "EUR" },
      { status: "billable", amount: 50, currency: "EUR" },
      { status: "paid", amount: 70, currency: "EUR" },
      { status: "pending", amount: 10, currency: "GBP" },
    ]);
    expect(totals.map((t) => t.currency)).toEqual(["EUR", "GBP"]);
    expect(totals[0].totals.billable).toEqual({ count: 2, amount: 150 });
    expect(totals[0].totals.paid).toEqual({ count: 1, amount: 70 });
    expect(totals[1].totals.pending).toEqual({ count: 1, amount: 10 });
  });
});
