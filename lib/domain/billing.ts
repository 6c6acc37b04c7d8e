// Pay per delivered work (DESIGN.md §2 PaymentMilestone): pending → billable → invoiced → paid.
// Pure: amounts in cents, transitions with their refusals, and CSV cells safe to open in a spreadsheet.
import { onField, refuse, type Outcome } from "@/lib/domain/refusal";
import type { MILESTONE_STATUSES } from "@/db/enums";

export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export type BillingTerms = {
  billingMode: "per_day" | "fixed_per_sprint";
  /** Cents per person-day. */
  dayRate: number;
  /** Cents per accepted sprint. */
  fixedSprintAmount: number;
};

/** What an accepted sprint earns: its accepted person-days at the day rate, or the fixed amount. */
export function milestoneAmount(terms: BillingTerms, acceptedDays: number): number {
  if (terms.billingMode === "fixed_per_sprint") return terms.fixedSprintAmount;
  return Math.round(Math.max(0, acceptedDays) * terms.dayRate);
}

export type MilestoneCommand =
  { type: "make_billable"; amount: number } | { type: "invoice"; invoiceReference: string } | { type: "mark_paid" };

export type MilestoneChange = {
  status: MilestoneStatus;
  amount?: number;
  invoiceReference?: string;
  billableAt?: string;
  invoicedAt?: string;
  paidAt?: string;
};

export type MilestoneOutcome = Outcome<{ change: MilestoneChange; action: string }>;

export function decideMilestone(status: MilestoneStatus, command: MilestoneCommand, now: string): MilestoneOutcome {
  switch (command.type) {
    case "make_billable":
      if (status !== "pending")
        return refuse("milestone_not_pending", `This milestone is already ${status}.`, { params: { status } });
      if (!Number.isInteger(command.amount) || command.amount < 0) {
        return refuse("milestone_bad_amount", "The amount must be a whole, non-negative number of cents.");
      }
      return {
        ok: true,
        action: "milestone.billable",
        change: { status: "billable", amount: command.amount, billableAt: now },
      };
    case "invoice": {
      if (status !== "billable") {
        return refuse("milestone_not_billable", `Only a billable milestone can be invoiced; this one is ${status}.`, {
          params: { status },
        });
      }
      const reference = command.invoiceReference.trim();
      if (!reference) {
        const message = "Enter the invoice reference.";
        return refuse("milestone_invoice_reference_required", message, {
          kind: "input",
          fieldErrors: onField("invoiceReference", message),
        });
      }
      return {
        ok: true,
        action: "milestone.invoice",
        change: { status: "invoiced", invoiceReference: reference, invoicedAt: now },
      };
    }
    case "mark_paid":
      if (status !== "invoiced") {
        return refuse(
          "milestone_not_invoiced",
          `Only an invoiced milestone can be marked paid; this one is ${status}.`,
          { params: { status } },
        );
      }
      return { ok: true, action: "milestone.paid", change: { status: "paid", paidAt: now } };
  }
}

export type StatusTotals = Record<MilestoneStatus, { count: number; amount: number }>;

/** Totals per status; amounts of different currencies are never added together. */
export function totalsByStatus(milestones: { status: MilestoneStatus; amount: number; currency: string }[]) {
  const byCurrency = new Map<string, StatusTotals>();
  for (const m of milestones) {
    let totals = byCurrency.get(m.currency);
    if (!totals) {
      totals = {
        pending: { count: 0, amount: 0 },
        billable: { count: 0, amount: 0 },
        invoiced: { count: 0, amount: 0 },
        paid: { count: 0, amount: 0 },
      };
      byCurrency.set(m.currency, totals);
    }
    totals[m.status].count++;
    totals[m.status].amount += m.amount;
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, totals]) => ({ currency, totals }));
}

/** Cents → "1234.50" (CSV and APIs); display formatting is left to Intl in the UI. */
export const centsToDecimal = (cents: number) =>
  `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;

/**
 * One CSV cell. Text a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with
 * an apostrophe; quotes, commas and line breaks are quoted (RFC 4180).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(rows: (string | number | null | undefined)[][]): string {
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
