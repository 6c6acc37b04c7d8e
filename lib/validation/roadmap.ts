import { z } from "zod";
import { MOSCOW, SCOPE_CATEGORIES, SCOPE_STATUSES } from "@/db/schema";
import { isoDate, optionalText, requiredText, uuid } from "./common";

const optionalDate = z
  .union([z.literal(""), isoDate])
  .optional()
  .transform((v) => v || null);
const optionalId = z
  .union([z.literal(""), uuid])
  .optional()
  .transform((v) => v || null);

/** A release's fields: the API's body (lib/contract/roadmap.ts) and the release forms. */
export const releaseFields = {
  name: requiredText("Name", 120),
  scope: optionalText(4000),
  targetDate: optionalDate,
};

export const updateReleaseSchema = z.object({ projectId: uuid, releaseId: uuid, ...releaseFields });

const estimateDays = z.coerce
  .number("Enter the estimate in person-days.")
  .min(0, "The estimate cannot be negative.")
  .max(1000, "At most 1,000 person-days per item: split larger items.")
  .refine((n) => Math.round(n * 10) === n * 10, "Use at most one decimal.");

/** Why an item changes or goes; required once the MVP scope is baselined. */
export const scopeChangeReason = optionalText(1000);

/** A scope item's fields, as added; changing one adds its status and version (lib/contract/roadmap.ts). */
export const scopeItemFields = {
  title: requiredText("Title", 200),
  category: z.enum(SCOPE_CATEGORIES, "Choose a category."),
  priority: z.enum(MOSCOW, "Choose a priority."),
  estimateDays,
  releaseId: optionalId,
  reason: scopeChangeReason,
};

export const scopeStatus = z.enum(SCOPE_STATUSES, "Choose a status.");

/** The scope list's filters, shared by the roadmap page and the API's query. */
export const scopeFilterFields = {
  releaseId: z.string().optional(),
  category: z.enum(SCOPE_CATEGORIES).optional(),
  status: z.enum(SCOPE_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
};

export const scopeListQuery = z.object({
  ...scopeFilterFields,
  limit: z.number().int().min(1).max(200).default(50),
});
