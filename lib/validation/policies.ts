// The shape of a policy edit, shared by the admin editor, its server action and tests.
// Cross-gate rules (gates N..1 without gaps, unique keys, a required seat, quorum) live in lib/domain/policy.
import { z } from "zod";
import { DECISION_RULES, PROJECT_ROLES } from "@/db/schema";
import { MAX_GATES, SCHEDULE_ANCHORS } from "@/lib/domain/policy";
import { optionalText, uuid } from "@/lib/validation/common";
import { translationsSchema } from "@/lib/validation/translations";

const requirement = z.enum(["must", "should"]).optional();

export const policyGateSchema = z.object({
  number: z.number().int(),
  name: z.string().trim().max(200, "At most 200 characters."),
  objectives: z.string().trim().max(2000, "At most 2000 characters."),
  translations: translationsSchema({ name: 200, objectives: 2000 }),
  artifactTypes: z
    .array(
      z.object({
        key: z.string().trim().max(64, "At most 64 characters."),
        title: z.string().trim().max(200, "At most 200 characters."),
        translations: translationsSchema({ title: 200 }),
        requirement: z.object({ small: requirement, standard: requirement, large: requirement }),
        approverRoles: z.array(z.enum(PROJECT_ROLES)).max(PROJECT_ROLES.length).optional(),
      }),
    )
    .max(30, "At most 30 artifact types per gate."),
  defaultBoard: z
    .array(z.object({ projectRole: z.enum(PROJECT_ROLES), required: z.boolean() }))
    .max(PROJECT_ROLES.length),
  decisionRule: z.enum(DECISION_RULES),
  quorum: z.number().nullable(),
  schedule: z
    .object({ anchor: z.enum(SCHEDULE_ANCHORS), days: z.number().int("Use a whole number of days.") })
    .nullable()
    .optional(),
  requiredBeforeGoLive: z.boolean().optional(),
});

export const publishPolicySchema = z.object({
  policyId: uuid,
  /** The version the draft was made from: publishing is refused if a newer one exists. */
  basedOnVersion: z.number().int().positive(),
  note: optionalText(500),
  gates: z.array(policyGateSchema).max(MAX_GATES, `A policy has at most ${MAX_GATES} gates.`),
});

export type PublishPolicyInput = z.infer<typeof publishPolicySchema>;
