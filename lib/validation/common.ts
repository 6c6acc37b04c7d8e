import { z } from "zod";

const isRealDate = (s: string) =>
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * A required calendar date (YYYY-MM-DD, as a date input sends it). An empty field says "Enter a date."
 * rather than "not a real date"; the other messages name the field, since API callers see no label.
 * Each step aborts so a person reads one message, not three.
 */
export const dateField = (label: string) =>
  z
    .string("Enter a date.")
    .trim()
    .min(1, { message: "Enter a date.", abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label}: use a date as YYYY-MM-DD.`, abort: true })
    .refine(isRealDate, `${label} is not a real date.`);

/** A date whose field label is not known here (filters, nested items). */
export const isoDate = z
  .string("Enter a date.")
  .trim()
  .min(1, { message: "Enter a date.", abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date as YYYY-MM-DD.", abort: true })
  .refine(isRealDate, "This is not a real date.");

/** A rule between two dates runs only when both are set: an empty field already has its own message. */
export const bothDatesSet = (a: string | null | undefined, b: string | null | undefined) => Boolean(a && b);

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
