// Input rules for the gate workflow, shared by forms, server actions and API v1.
import { z } from "zod";
import { VOTES } from "@/db/schema";
import { MAX_GATES } from "@/lib/domain/policy";
import { checkbox, expectedVersion, isoDate, requiredText, uuid } from "@/lib/validation/common";

// A policy has at most MAX_GATES gates; a number the project lacks is a 404 in the data layer.
export const gateNumber = z.coerce
  .number()
  .int("Gate numbers are whole numbers.")
  .min(1, `Gates run from ${MAX_GATES} down to 1.`)
  .max(MAX_GATES, `Gates run from ${MAX_GATES} down to 1.`);

const voteValue = z.enum(VOTES, { error: "Choose go, conditional go, hold, recycle or kill." });

export const voteSchema = z.object({
  vote: voteValue,
  rationale: requiredText("A rationale", 2000),
});

export const conditionSchema = z.object({
  text: requiredText("The condition", 500),
  ownerId: z.string().min(1, "Choose who owns this condition.").pipe(uuid),
  dueDate: z.string().trim().min(1, "Choose a due date.").pipe(isoDate),
});

export const decisionSchema = z.object({
  decision: voteValue,
  rationale: requiredText("A rationale", 4000),
  conditions: z.array(conditionSchema).max(20, "At most 20 conditions.").default([]),
  expectedVersion,
});

export const boardSeatSchema = z.object({
  userId: uuid,
  required: checkbox,
  // Also seat them on every later gate whose board can still change.
  alsoOnRemainingGates: checkbox,
});

export const plannedDateSchema = z.object({
  plannedDate: z.union([isoDate, z.literal("").transform(() => null)]).nullable(),
});
