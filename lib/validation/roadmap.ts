import { z } from "zod";
import { MOSCOW, SCOPE_CATEGORIES, SCOPE_STATUSES } from "@/db/schema";
import { expectedVersion, isoDate, optionalText, requiredText, uuid } from "./common";

const optionalDate = z
  .union([z.literal(""), isoDate])
  .optional()
  .transform((v) => v || null);
const optionalId = z
  .union([z.literal(""), uuid])
  .optional()
  .transform((v) => v || null);

export const releaseSchema = z.object({
  projectId: uuid,
  name: requiredText("Name", 120),
  scope: optionalText(4000),
  targetDate: optionalDate,
});

export const updateReleaseSchema = releaseSchema.extend({ releaseId: uuid });

const estimateDays = z.coerce
  .number("Enter the estimate in person-days.")
  .min(0, "The estimate cannot be negative.")
  .max(1000, "At most 1,000 person-days per item: split larger items.")
  .refine((n) => Math.round(n * 10) === n * 10, "Use at most one decimal.");

const scopeFields = {
  projectId: uuid,
  title: requiredText("Title", 200),
  category: z.enum(SCOPE_CATEGORIES, "Choose a category."),
  priority: z.enum(MOSCOW, "Choose a priority."),
  estimateDays,
  releaseId: optionalId,
  reason: optionalText(1000),
};

export const addScopeItemSchema = z.object(scopeFields);

export const updateScopeItemSchema = z.object({
  ...scopeFields,
  scopeItemId: uuid,
  status: z.enum(SCOPE_STATUSES, "Choose a status."),
  expectedVersion,
});

export const removeScopeItemSchema = z.object({
  projectId: uuid,
  scopeItemId: uuid,
  reason: optionalText(1000),
  expectedVersion,
});

export const scopeListQuery = z.object({
  releaseId: z.string().optional(),
  category: z.enum(SCOPE_CATEGORIES).optional(),
  status: z.enum(SCOPE_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const baselineSchema = z.object({ projectId: uuid });
