// The contract of the roadmap: releases, scope items (with their change log), the approved MVP
// scope baselines and the estimate trail (DESIGN.md §2 Release, ScopeItem, EstimateSnapshot).
import { z } from "zod";
import { SNAPSHOT_KINDS } from "@/db/enums";
import { expectedVersion } from "@/lib/validation/common";
import {
  releaseFields,
  scopeChangeReason,
  scopeFilterFields,
  scopeItemFields,
  scopeStatus,
} from "@/lib/validation/roadmap";
import { actionInput, operation } from "./operation";
import { calendarDate, id, instant, pageOf, pageQuery, projectPath } from "./shared";
import { ScopeItem } from "./sprints";

export const scopeItemPath = projectPath.extend({ scopeItemId: id("scope item") });

export const Release = z
  .object({
    id: z.uuid(),
    number: z.number().int().meta({ description: "Release 1 is the MVP." }),
    name: z.string(),
    scope: z.string(),
    targetDate: calendarDate.nullable(),
  })
  .meta({ id: "Release" });

const ReleaseInput = z.object(releaseFields).meta({ id: "ReleaseInput" });

const ScopeItemInput = z
  .object({
    ...scopeItemFields,
    reason: scopeChangeReason.meta({ description: "Required once the MVP scope is baselined." }),
  })
  .meta({ id: "ScopeItemInput" });

const ScopeItemChange = z
  .object({ ...scopeItemFields, status: scopeStatus, expectedVersion })
  .meta({ id: "ScopeItemChange", description: "Every field, as on the form; `reason` required after the baseline." });

const ScopeItemRemoval = z.object({ reason: scopeChangeReason, expectedVersion }).meta({ id: "ScopeItemRemoval" });

const baselineFields = {
  id: z.uuid(),
  version: z.number().int().meta({ description: "1 for the first approved baseline, then 2, 3…" }),
  totalDays: z.number(),
  approvedAt: instant,
};

export const ScopeBaseline = z
  .object({
    ...baselineFields,
    approvedBy: z.string().meta({ description: "The name of the client owner who approved it." }),
    itemCount: z.number().int(),
  })
  .meta({ id: "ScopeBaseline" });

const BaselineItem = z.object({
  id: z.uuid(),
  title: z.string(),
  category: z.string().meta({ description: "The item's category when the baseline was approved." }),
  priority: z.string().meta({ description: "The item's priority (MoSCoW) when the baseline was approved." }),
  estimateDays: z.number(),
});

export const EstimatePoint = z
  .object({
    takenAt: instant,
    kind: z.enum(SNAPSHOT_KINDS),
    label: z.string(),
    doneDays: z.number(),
    remainingDays: z.number(),
    velocity: z.number().nullable(),
    forecastGoLive: calendarDate,
    forecastGoLiveEarliest: calendarDate,
    forecastGoLiveLatest: calendarDate,
    forecastCost: z.number().int().nullable().meta({ description: "Cents; null for client accounts." }),
    currency: z.string(),
  })
  .meta({ id: "EstimatePoint" });

export const listReleasesOp = operation({
  id: "listReleases",
  method: "get",
  path: "/api/v1/projects/{projectId}/releases",
  tag: "Roadmap",
  summary: "Releases of the roadmap (release 1 is the MVP), by number",
  params: projectPath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of releases", schema: pageOf(Release) },
});

export const createReleaseOp = operation({
  id: "createRelease",
  method: "post",
  path: "/api/v1/projects/{projectId}/releases",
  tag: "Roadmap",
  summary: "Add a release (PM)",
  params: projectPath,
  body: ReleaseInput,
  success: { status: 201, description: "The added release", schema: Release },
  errors: [403],
});

export const listScopeItemsOp = operation({
  id: "listScopeItems",
  method: "get",
  path: "/api/v1/projects/{projectId}/scope-items",
  tag: "Roadmap",
  summary: "Scope items, oldest first, filtered",
  params: projectPath,
  query: pageQuery(50).extend({
    ...scopeFilterFields,
    releaseId: scopeFilterFields.releaseId.meta({ description: "A release id, or `none` for unassigned items." }),
  }),
  success: { status: 200, description: "A page of scope items", schema: pageOf(ScopeItem) },
});

export const addScopeItemOp = operation({
  id: "addScopeItem",
  method: "post",
  path: "/api/v1/projects/{projectId}/scope-items",
  tag: "Roadmap",
  summary: "Add a scope item (PM); the change is logged, with its reason after the baseline",
  params: projectPath,
  body: ScopeItemInput,
  success: { status: 201, description: "The added item", schema: ScopeItem },
  errors: [403, 409],
});

export const getScopeItemOp = operation({
  id: "getScopeItem",
  method: "get",
  path: "/api/v1/projects/{projectId}/scope-items/{scopeItemId}",
  tag: "Roadmap",
  summary: "A scope item",
  params: scopeItemPath,
  success: { status: 200, description: "The item", schema: ScopeItem },
});

export const changeScopeItemOp = operation({
  id: "changeScopeItem",
  method: "patch",
  path: "/api/v1/projects/{projectId}/scope-items/{scopeItemId}",
  tag: "Roadmap",
  summary: "Change a scope item (PM); logged, `reason` required after the baseline",
  params: scopeItemPath,
  body: ScopeItemChange,
  success: { status: 200, description: "The item as changed", schema: ScopeItem },
  errors: [403, 409],
});

export const removeScopeItemOp = operation({
  id: "removeScopeItem",
  method: "delete",
  path: "/api/v1/projects/{projectId}/scope-items/{scopeItemId}",
  tag: "Roadmap",
  summary: "Remove a scope item (PM): kept as dropped with its change log; `reason` required after the baseline",
  params: scopeItemPath,
  body: ScopeItemRemoval,
  success: { status: 204, description: "Removed" },
  errors: [403, 409],
});

export const listScopeBaselinesOp = operation({
  id: "listScopeBaselines",
  method: "get",
  path: "/api/v1/projects/{projectId}/scope-baselines",
  tag: "Roadmap",
  summary: "Approved MVP scope baselines, newest first",
  params: projectPath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of baselines", schema: pageOf(ScopeBaseline) },
});

export const approveScopeBaselineOp = operation({
  id: "approveScopeBaseline",
  method: "post",
  path: "/api/v1/projects/{projectId}/scope-baselines",
  tag: "Roadmap",
  summary: "Approve the current MVP scope as the next baseline (client owner); takes a baseline estimate snapshot",
  params: projectPath,
  success: {
    status: 201,
    description: "The approved baseline with the items it holds",
    schema: z.object({ ...baselineFields, items: z.array(BaselineItem) }),
  },
  errors: [403, 409],
});

export const getEstimateTrailOp = operation({
  id: "getEstimateTrail",
  method: "get",
  path: "/api/v1/projects/{projectId}/estimates",
  tag: "Roadmap",
  summary: "The estimate trail (baseline and every sprint close) with the burn-up",
  params: projectPath,
  success: {
    status: 200,
    description: "The trail",
    schema: z.object({
      targetGoLive: calendarDate,
      points: z.array(EstimatePoint),
      burnUp: z
        .array(z.object({ label: z.string(), done: z.number(), total: z.number() }))
        .meta({ description: "Done and total scope (person-days) at each point." }),
      slipDays: z
        .number()
        .int()
        .nullable()
        .meta({ description: "The latest forecast go-live against the last baseline's, in days." }),
      vsTargetDays: z
        .number()
        .int()
        .nullable()
        .meta({ description: "The latest forecast go-live against the target go-live, in days." }),
    }),
  },
});

/** What the roadmap form actions take: the path's ids and the body, validated by the operation's schemas. */
export const createReleaseInput = actionInput(createReleaseOp);
export const addScopeItemInput = actionInput(addScopeItemOp);
export const changeScopeItemInput = actionInput(changeScopeItemOp);
export const removeScopeItemInput = actionInput(removeScopeItemOp);
/** Approving and freezing a baseline take the project alone. */
export const scopeBaselineInput = approveScopeBaselineOp.params;

export const roadmapOperations = [
  listReleasesOp,
  createReleaseOp,
  listScopeItemsOp,
  addScopeItemOp,
  getScopeItemOp,
  changeScopeItemOp,
  removeScopeItemOp,
  listScopeBaselinesOp,
  approveScopeBaselineOp,
  getEstimateTrailOp,
];
