import { z } from "zod";
import { MIGRATION_RUN_KINDS } from "@/db/enums";
import { dateField, optionalText, requiredText, uuid, expectedVersion } from "./common";

export const updatePlanSchema = z.object({
  scenario: optionalText(4000),
  scope: optionalText(4000),
  sourceSystems: optionalText(1000),
  /** The plan's updatedAt the editor saw ("" = no plan yet): a stale save is refused. */
  expectedUpdatedAt: z.string().trim().optional(),
});

export const raciRowSchema = z.object({
  activity: z.string().max(200, "At most 200 characters."),
  phase: z.string(),
  assignments: z.record(z.string(), z.string()),
});

/** The RACI matrix arrives as a JSON array (a hidden field in the form, or the API body). */
export const saveRaciSchema = z.object({
  rows: z
    .union([z.string(), z.array(raciRowSchema)])
    .transform((value, ctx) => {
      if (typeof value !== "string") return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The matrix could not be read." });
        return z.NEVER;
      }
    })
    .pipe(z.array(raciRowSchema).max(100, "At most 100 activities.")),
  expectedUpdatedAt: z.string().trim().optional(),
});

/** A wave's fields; planning one is an operation (lib/contract/migration.ts), editing is a form. */
export const waveFields = {
  name: requiredText("Name", 120),
  segment: requiredText("Segment", 120),
  sourceSystem: requiredText("Source system", 120),
  module: z
    .string()
    .trim()
    .max(120, "At most 120 characters.")
    .optional()
    .transform((v) => (v ? v : null)),
  plannedDate: dateField("Planned date"),
};

export const updateWaveSchema = z.object({ ...waveFields, waveId: uuid, expectedVersion });

const count = (label: string) =>
  z.coerce
    .number({ error: `${label}: enter a number.` })
    .int(`${label}: use a whole number.`)
    .min(0, `${label}: 0 or more.`)
    .max(1_000_000_000, `${label}: at most 1,000,000,000.`);

/** A run's figures; the wave is named by the path or the form. */
export const runFields = {
  kind: z.enum(MIGRATION_RUN_KINDS, { error: "Choose rehearsal or production." }),
  ranOn: dateField("Run date"),
  extracted: count("Extracted"),
  loaded: count("Loaded"),
  rejected: count("Rejected"),
  notes: optionalText(2000),
  expectedVersion,
};

export const startMigrationSchema = z.object({ waveId: uuid, expectedVersion });
