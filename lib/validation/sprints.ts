import { z } from "zod";
import { ENVIRONMENTS } from "@/db/schema";
import { expectedVersion, isoDate, optionalText, requiredText, uuid } from "./common";

const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
  .pipe(z.array(z.string().uuid("Unknown scope item.")).max(200, "At most 200 items per sprint."));

const capacityDays = z.coerce
  .number("Enter the capacity in person-days.")
  .min(0, "The capacity cannot be negative.")
  .max(1000, "At most 1,000 person-days.");

const planFields = {
  goal: requiredText("Goal", 500),
  startDate: isoDate,
  endDate: isoDate,
  capacityDays,
  scopeItemIds: ids,
  releaseId: z.union([z.literal(""), z.string().uuid("Unknown release.")]).optional().transform((v) => v || null),
};

const datesInOrder = { path: ["endDate"], message: "The end date must be on or after the start date." };

export const planSprintSchema = z
  .object({ projectId: uuid, ...planFields })
  .refine((s) => s.endDate >= s.startDate, datesInOrder);

/** The API body (projectId comes from the path). */
export const planSprintBody = z.object(planFields).refine((s) => s.endDate >= s.startDate, datesInOrder);

export const updateSprintPlanSchema = z
  .object({ projectId: uuid, sprintId: uuid, expectedVersion, ...planFields })
  .refine((s) => s.endDate >= s.startDate, datesInOrder);

export const updateSprintPlanBody = z
  .object({ expectedVersion, ...planFields })
  .refine((s) => s.endDate >= s.startDate, datesInOrder);

export const sprintCommandSchema = z.object({ projectId: uuid, sprintId: uuid, expectedVersion });

export const deploymentSchema = z.object({
  projectId: uuid,
  sprintId: uuid,
  releaseVersion: requiredText("Version", 80),
  environment: z.enum(ENVIRONMENTS, "Choose an environment."),
  deployedOn: isoDate,
});

export const acceptanceBody = z
  .object({
    decision: z.enum(["accept", "reject"], "Choose accept or reject."),
    comment: optionalText(2000),
    expectedVersion,
  })
  .refine((a) => a.decision === "accept" || a.comment.length > 0, {
    path: ["comment"],
    message: "Say why the sprint is rejected.",
  });

export const acceptanceSchema = z
  .object({
    projectId: uuid,
    sprintId: uuid,
    decision: z.enum(["accept", "reject"], "Choose accept or reject."),
    comment: optionalText(2000),
    expectedVersion,
  })
  .refine((a) => a.decision === "accept" || a.comment.length > 0, {
    path: ["comment"],
    message: "Say why the sprint is rejected.",
  });

