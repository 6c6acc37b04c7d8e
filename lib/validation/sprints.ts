import { z } from "zod";
import { ENVIRONMENTS } from "@/db/schema";
import { bothDatesSet, dateField, expectedVersion, optionalText, requiredText } from "./common";

const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
  .pipe(z.array(z.string().uuid("Unknown scope item.")).max(200, "At most 200 items per sprint."));

const capacityDays = z.coerce
  .number("Enter the capacity in person-days.")
  .min(0, "The capacity cannot be negative.")
  .max(1000, "At most 1,000 person-days.");

/** The fields of a sprint plan, shared by planning and changing it (lib/contract/sprints.ts). */
export const planFields = {
  goal: requiredText("Goal", 500),
  startDate: dateField("Start date"),
  endDate: dateField("End date"),
  capacityDays,
  scopeItemIds: ids,
  releaseId: z
    .union([z.literal(""), z.string().uuid("Unknown release.")])
    .optional()
    .transform((v) => v || null),
};

const endsAfterStart = (s: { startDate: string; endDate: string }) =>
  !bothDatesSet(s.startDate, s.endDate) || s.endDate >= s.startDate;
const datesInOrder = { path: ["endDate"], message: "The end date must be on or after the start date." };
/** The plan's dates rule, as `.refine(...sprintDatesInOrder)`. */
export const sprintDatesInOrder = [endsAfterStart, datesInOrder] as const;

/** A deployment record's fields (lib/contract/sprints.ts). */
export const deploymentFields = {
  releaseVersion: requiredText("Version", 80),
  environment: z.enum(ENVIRONMENTS, "Choose an environment."),
  deployedOn: dateField("Deployment date"),
};

/** The client owner's decision on a sprint in review (lib/contract/sprints.ts). */
export const acceptanceFields = {
  decision: z.enum(["accept", "reject"], "Choose accept or reject."),
  comment: optionalText(2000),
  expectedVersion,
};

const rejectionExplained = (a: { decision: "accept" | "reject"; comment: string }) =>
  a.decision === "accept" || a.comment.length > 0;
const rejectionReason = { path: ["comment"], message: "Say why the sprint is rejected." };
/** A rejection says why, as `.refine(...rejectionExplainedRule)`. */
export const rejectionExplainedRule = [rejectionExplained, rejectionReason] as const;
