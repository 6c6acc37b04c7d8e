import { z } from "zod";
import { expectedVersion, requiredText, uuid } from "./common";

/** "1234.50" or "1234,50" (currency units) → cents. */
const money = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const text = String(v).trim().replace(",", ".");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(text)) {
    ctx.addIssue({ code: "custom", message: "Enter an amount like 950 or 950.50." });
    return z.NEVER;
  }
  return Math.round(Number(text) * 100);
});

export const billingTermsSchema = z.object({
  projectId: uuid,
  billingMode: z.enum(["per_day", "fixed_per_sprint"], "Choose how sprints are paid."),
  dayRate: money,
  fixedSprintAmount: money,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter currency code (EUR, GBP…)."),
  expectedVersion,
});

export const invoiceReference = requiredText("Invoice reference", 80);

export const invoiceMilestoneSchema = z.object({
  projectId: uuid,
  milestoneId: uuid,
  invoiceReference,
  expectedVersion,
});

export const payMilestoneSchema = z.object({ projectId: uuid, milestoneId: uuid, expectedVersion });
