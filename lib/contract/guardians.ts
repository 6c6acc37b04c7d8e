// The contract of a project's sites and guardians: nomination, withdrawal, moves, and each
// guardian's training progress (DESIGN.md §4.4).
import { z } from "zod";
import { GUARDIAN_STATUSES, TRAINING_MODULE_KINDS } from "@/db/enums";
import { expectedVersion, uuid } from "@/lib/validation/common";
import { nominationFields, siteFields } from "@/lib/validation/readiness";
import { actionInput, operation } from "./operation";
import { id, instant, pageOf, pageQuery, projectPath, version } from "./shared";

const guardianPath = projectPath.extend({ guardianId: id("guardian") });

export const Site = z
  .object({ id: z.uuid(), projectId: z.uuid(), name: z.string(), location: z.string(), createdAt: instant })
  .meta({ id: "Site" });

const guardianRecord = {
  id: z.uuid(),
  userId: z.uuid(),
  status: z.enum(GUARDIAN_STATUSES),
  nominatedAt: instant,
  certifiedAt: instant.nullable(),
  withdrawnAt: instant.nullable(),
  version,
};

export const Guardian = z
  .object({ ...guardianRecord, projectId: z.uuid(), siteId: z.uuid(), nominatedBy: z.uuid() })
  .meta({ id: "Guardian" });

const GuardianProgress = z
  .object({
    ...guardianRecord,
    name: z.string(),
    email: z.string(),
    site: z.object({ id: z.uuid(), name: z.string() }),
    progress: z.array(
      z.object({
        moduleId: z.uuid(),
        attended: z.boolean(),
        bestScore: z.number().int().nullable(),
        passed: z.boolean().meta({ description: "Attended with a score at or above the module's pass mark." }),
      }),
    ),
  })
  .meta({ id: "GuardianProgress" });

export const listSitesOp = operation({
  id: "listSites",
  method: "get",
  path: "/api/v1/projects/{projectId}/sites",
  tag: "Guardians",
  summary: "The project's sites, by name",
  params: projectPath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of sites", schema: pageOf(Site) },
  errors: [422],
});

export const createSiteOp = operation({
  id: "createSite",
  method: "post",
  path: "/api/v1/projects/{projectId}/sites",
  tag: "Guardians",
  summary: "Add a site (PM)",
  params: projectPath,
  body: z.object(siteFields).meta({ id: "SiteInput" }),
  success: { status: 201, description: "The new site", schema: Site },
  errors: [403],
});

export const listGuardiansOp = operation({
  id: "listGuardians",
  method: "get",
  path: "/api/v1/projects/{projectId}/guardians",
  tag: "Guardians",
  summary: "Guardians with their progress per training module, by site then name",
  params: projectPath,
  query: pageQuery(50),
  success: {
    status: 200,
    description: "A page of guardians, and the project's training modules their progress refers to",
    schema: pageOf(GuardianProgress).extend({
      modules: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          kind: z.enum(TRAINING_MODULE_KINDS),
          required: z.boolean(),
          passMark: z.number().int(),
        }),
      ),
    }),
  },
  errors: [422],
});

export const nominateGuardianOp = operation({
  id: "nominateGuardian",
  method: "post",
  path: "/api/v1/projects/{projectId}/guardians",
  tag: "Guardians",
  summary: "Nominate a client user as the guardian of a site (PM)",
  params: projectPath,
  body: z.object(nominationFields).meta({ id: "GuardianNomination" }),
  success: { status: 201, description: "The nominated guardian", schema: Guardian },
  errors: [403, 409],
});

export const changeGuardianOp = operation({
  id: "changeGuardian",
  method: "patch",
  path: "/api/v1/projects/{projectId}/guardians/{guardianId}",
  tag: "Guardians",
  summary:
    'Withdraw a guardian or move them to another site: `{"action": "withdraw"}` / `{"action": "move", "siteId"}`',
  params: guardianPath,
  body: z
    .discriminatedUnion("action", [
      z.object({ action: z.literal("withdraw"), expectedVersion }),
      z.object({ action: z.literal("move"), siteId: uuid, expectedVersion }),
    ])
    .meta({ id: "GuardianChange" }),
  success: { status: 200, description: "The guardian as changed", schema: Guardian },
  errors: [403, 409],
});

/** What the guardian page's forms take: the path's ids and the body, validated by the operations' schemas. */
export const createSiteInput = actionInput(createSiteOp);
export const nominateGuardianInput = actionInput(nominateGuardianOp);

export const guardianOperations = [listSitesOp, createSiteOp, listGuardiansOp, nominateGuardianOp, changeGuardianOp];
