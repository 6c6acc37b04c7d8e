import { z } from "zod";

export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "This is not a real date.");

export const requiredText = (label: string, max = 200) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} is at most ${max} characters.`);

export const optionalText = (max = 2000) => z.string().trim().max(max, `At most ${max} characters.`).default("");

export const uuid = z.string().uuid("Unknown item.");

/** Checkbox values from forms ("on") or JSON booleans. */
export const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** Optional expected version for optimistic concurrency (forms send it as text). */
export const expectedVersion = z.coerce.number().int().positive().optional();
