// The contract of the published gate policies a project can be set up with (DESIGN.md §4.1).
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locale";
import { operation } from "./operation";
import { pageOf, pageQuery } from "./shared";

/** Texts in a policy's other languages, by language code: `{ "es": { "name": "…" } }`. */
const PolicyTexts = z
  .partialRecord(z.enum(LOCALES), z.object({ name: z.string().optional(), objectives: z.string().optional() }))
  .meta({ id: "PolicyGateTranslations" });

export const PublishedPolicy = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    version: z.number().int().meta({ description: "The policy's latest published version." }),
    versionId: z.uuid(),
    isDefault: z.boolean().meta({ description: "The policy a project gets when none is chosen." }),
    languages: z
      .array(z.enum(LOCALES))
      .meta({ description: "The languages the version is written in; the first is the source of every fallback." }),
    gates: z
      .array(
        z.object({
          number: z.number().int(),
          name: z.string(),
          objectives: z.string(),
          translations: PolicyTexts.meta({
            description: "The name and objectives in the version's other languages; a missing one falls back.",
          }),
        }),
      )
      .meta({ description: "The version's gates, highest first; name and objectives in its first language." }),
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
