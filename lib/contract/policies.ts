// The contract of the published gate policies a project can be set up with (DESIGN.md §4.1).
import { z } from "zod";
import { operation } from "./operation";
import { pageOf, pageQuery } from "./shared";

export const PublishedPolicy = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    version: z.number().int().meta({ description: "The policy's latest published version." }),
    versionId: z.uuid(),
    isDefault: z.boolean().meta({ description: "The policy a project gets when none is chosen." }),
    gates: z
      .array(z.object({ number: z.number().int(), name: z.string(), objectives: z.string() }))
      .meta({ description: "The version's gates, highest first." }),
  })
  .meta({ id: "PublishedPolicy" });

export const listPoliciesOp = operation({
  id: "listPolicies",
  method: "get",
  path: "/api/v1/policies",
  tag: "Policies",
  summary: "Every gate policy's latest published version, by name (vendor staff)",
  query: pageQuery(50),
  success: { status: 200, description: "A page of policies", schema: pageOf(PublishedPolicy) },
  errors: [403, 422],
});

export const policyOperations = [listPoliciesOp];
