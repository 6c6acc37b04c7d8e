// Input rules of the quality area, shared by forms, server actions and the API.
import { z } from "zod";
import { checkbox, expectedVersion, optionalText, requiredText, uuid } from "@/lib/validation/common";
import { MAX_GATES } from "@/lib/domain/policy";
import { CHANGE_SIZES, QUALITY_QUESTIONS } from "@/lib/domain/quality-selection";
import { ENVIRONMENTS, EVIDENCE_RESULTS } from "@/db/schema";
import { gatherTranslations, translationsSchema } from "@/lib/validation/translations";

const GATE_CHOICE = `Choose a gate from 1 to ${MAX_GATES}.`;
const changeSize = z.enum(CHANGE_SIZES, { error: "Choose small, medium or large." });

/** The selection questions; booleans accept JSON booleans or checkbox values. */
export const qualityAnswersSchema = z.object({
  changeSize,
  touchesRating: checkbox,
  touchesIntegrations: checkbox,
  includesMigration: checkbox,
  customerFacing: checkbox,
  regulatory: checkbox,
});

/** The API takes real booleans (a checkbox value there would be a client bug). */
export const qualityAnswersJsonSchema = z.object({
  changeSize,
  touchesRating: z.boolean().default(false),
  touchesIntegrations: z.boolean().default(false),
  includesMigration: z.boolean().default(false),
  customerFacing: z.boolean().default(false),
  regulatory: z.boolean().default(false),
});

/** A level of the quality scale, as chosen. */
export const qualityLevel = z
  .string()
  .trim()
  .regex(/^QS\d$/, "Choose a level of the quality scale.");

/** Form: the questions flat beside the chosen level. */
export const selectQualityFormSchema = qualityAnswersSchema.extend({
  projectId: uuid,
  sprintId: uuid,
  chosenLevel: qualityLevel,
  justification: optionalText(2000),
  // The selection's time stamp the user saw: a concurrent change in between is refused (409).
  expectedSelectedAt: z.string().trim().optional(),
});

/** Form for a release: the same fields, naming the release instead of a sprint. */
export const selectReleaseQualityFormSchema = selectQualityFormSchema
  .omit({ sprintId: true })
  .extend({ releaseId: uuid });

const link = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters.")
  .refine((s) => s === "" || /^https?:\/\/\S+$/i.test(s), "Use a full http(s) link.")
  .default("");

export const evidenceFields = {
  activityKey: requiredText("Activity", 100),
  result: z.enum(EVIDENCE_RESULTS, { error: "Choose passed, failed or waived." }),
  reason: optionalText(2000),
  link,
};

export const evidenceFormSchema = z.object({
  ...evidenceFields,
  projectId: uuid,
  sprintId: uuid,
  // An empty file input arrives as a File of size 0: treat it as "no file".
  file: z
    .instanceof(File)
    .optional()
    .transform((f) => (f && f.size > 0 ? f : undefined)),
});

export const releaseEvidenceFormSchema = evidenceFormSchema.omit({ sprintId: true }).extend({ releaseId: uuid });

export const escapedDefectsFields = {
  escapedDefects: z.coerce
    .number({ error: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(0, "Cannot be negative.")
    .max(9999, "At most 9999."),
  expectedVersion,
};

// ── Administration of the scale ──

export const levelEditSchema = z.preprocess(
  gatherTranslations,
  z.object({
    standardId: uuid,
    name: requiredText("Name", 100),
    purpose: optionalText(500),
    translations: translationsSchema({ name: 100, purpose: 500 }),
    minPoints: z.coerce
      .number({ error: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(0, "Cannot be negative.")
      .max(1000, "At most 1000."),
  }),
);

export const activityEditSchema = z.preprocess(
  gatherTranslations,
  z
    .object({
      standardId: uuid,
      activityId: uuid.optional().or(z.literal("").transform(() => undefined)),
      key: z
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9_]{1,59}$/, "Use 2–60 lowercase letters, digits or underscores, starting with a letter."),
      name: requiredText("Name", 200),
      translations: translationsSchema({ name: 200 }),
      environment: z.enum(ENVIRONMENTS, { error: "Choose an environment." }),
      timing: z.enum(["before_sprint_review", "before_gate", "after_deployment"], { error: "Choose a timing." }),
      gateNumber: z
        .union([z.literal(""), z.coerce.number().int(GATE_CHOICE).min(1, GATE_CHOICE).max(MAX_GATES, GATE_CHOICE)])
        .optional()
        .transform((v) => (v === "" || v === undefined ? null : v)),
    })
    .superRefine((value, issue) => {
      if (value.timing === "before_gate" && value.gateNumber === null) {
        issue.addIssue({ code: "custom", path: ["gateNumber"], message: "Name the gate this activity must precede." });
      }
    }),
);

export const activityRemoveSchema = z.object({ activityId: uuid });

export const ruleEditSchema = z.object({
  ruleId: uuid.optional().or(z.literal("").transform(() => undefined)),
  question: z.enum(QUALITY_QUESTIONS, { error: "Choose a question." }),
  matchValue: z
    .string()
    .trim()
    .regex(/^(small|medium|large|true|false|\d+|>=\s*\d+)$/, "Use small, medium, large, true, false, a number or >=N."),
  points: z.coerce.number({ error: "Enter a whole number." }).int("Enter a whole number.").min(-100).max(100),
  reason: requiredText("Reason", 300),
});

export const ruleRemoveSchema = z.object({ ruleId: uuid });

export type QualityAnswersInput = z.infer<typeof qualityAnswersSchema>;
