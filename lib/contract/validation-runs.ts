// The contract of validation runs: the scenario checklist guardians work through in homologation
// and production, and the client owner's "OK" that closes a run (DESIGN.md §2, ValidationRun).
import { z } from "zod";
import { SCENARIO_RESULTS, VALIDATION_ENVIRONMENTS, VALIDATION_RUN_STATUSES } from "@/db/enums";
import { expectedVersion } from "@/lib/validation/common";
import {
  moveDirection,
  runEnvironment,
  runNote,
  scenarioResult,
  scenarioTitle,
} from "@/lib/validation/validation-runs";
import { actionInput, operation } from "./operation";
import { id, instant, pageOf, pageQuery, projectPath, version } from "./shared";

export const runPath = projectPath.extend({ runId: id("validation run") });
export const scenarioPath = runPath.extend({ scenarioId: id("scenario") });

const runVersion = expectedVersion.meta({
  description: "The run's version you saw; a stale write is refused with 409.",
});

/** Someone named on a run or a result. */
export const Person = z.object({ id: z.uuid(), name: z.string() }).meta({ id: "Person" });

export const ValidationScenario = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    title: z.string(),
    source: z.string().meta({ description: "module:<name>, scope:<scopeItemId> or manual" }),
    result: z.enum(SCENARIO_RESULTS),
    notes: z.string(),
    recordedBy: Person.nullable(),
    recordedAt: instant.nullable(),
  })
  .meta({ id: "ValidationScenario" });

export const ValidationRun = z
  .object({
    id: z.uuid(),
    environment: z.enum(VALIDATION_ENVIRONMENTS),
    status: z.enum(VALIDATION_RUN_STATUSES),
    openedAt: instant,
    openedBy: Person,
    closedAt: instant.nullable(),
    closedBy: Person.nullable(),
    closingNote: z.string().nullable(),
    version,
    scenarios: z.array(ValidationScenario),
  })
  .meta({ id: "ValidationRun" });

const tag = "Validation runs";
const runs = "/api/v1/projects/{projectId}/validation-runs";
const theRun = { status: 200, description: "The run", schema: ValidationRun } as const;

export const listValidationRunsOp = operation({
  id: "listValidationRuns",
  method: "get",
  path: runs,
  tag,
  summary: "The project's validation runs, newest first, with their scenarios",
  params: projectPath,
  query: pageQuery(20),
  success: { status: 200, description: "A page of runs", schema: pageOf(ValidationRun) },
  errors: [403, 422],
});

export const openValidationRunOp = operation({
  id: "openValidationRun",
  method: "post",
  path: runs,
  tag,
  summary: "Open a validation run (homologation first; production only after a passed homologation run)",
  description:
    "Needs validation.manage (project manager or client owner). " +
    "The checklist is generated from the project's modules and scope items.",
  params: projectPath,
  body: z.object({ environment: runEnvironment }).meta({ id: "ValidationRunInput" }),
  success: { status: 201, description: "The opened run", schema: ValidationRun },
  errors: [403, 409, 422],
});

export const getValidationRunOp = operation({
  id: "getValidationRun",
  method: "get",
  path: `${runs}/{runId}`,
  tag,
  summary: "One validation run",
  params: runPath,
  success: theRun,
  errors: [403],
});

export const addValidationScenarioOp = operation({
  id: "addValidationScenario",
  method: "post",
  path: `${runs}/{runId}/scenarios`,
  tag,
  summary: "Add a scenario at the end of an open run's checklist",
  params: runPath,
  body: z.object({ title: scenarioTitle, expectedVersion: runVersion }),
  success: { ...theRun, status: 201 },
  errors: [403, 409, 422],
});

export const removeValidationScenarioOp = operation({
  id: "removeValidationScenario",
  method: "delete",
  path: `${runs}/{runId}/scenarios/{scenarioId}`,
  tag,
  summary: "Remove a scenario without a result from an open run",
  params: scenarioPath,
  query: z.object({ expectedVersion: runVersion }),
  success: theRun,
  errors: [403, 409, 422],
});

export const moveValidationScenarioOp = operation({
  id: "moveValidationScenario",
  method: "post",
  path: `${runs}/{runId}/scenarios/{scenarioId}/move`,
  tag,
  summary: "Move a scenario one place up or down",
  params: scenarioPath,
  body: z.object({ direction: moveDirection, expectedVersion: runVersion }),
  success: theRun,
  errors: [403, 409, 422],
});

export const recordScenarioResultOp = operation({
  id: "recordScenarioResult",
  method: "post",
  path: `${runs}/{runId}/scenarios/{scenarioId}/result`,
  tag,
  summary: "Record a scenario's result (guardians)",
  params: scenarioPath,
  body: z.object({
    result: scenarioResult,
    notes: runNote.meta({ description: "Required when the result is fail" }),
    expectedVersion: runVersion,
  }),
  success: theRun,
  errors: [403, 409, 422],
});

export const closeValidationRunOp = operation({
  id: "closeValidationRun",
  method: "post",
  path: `${runs}/{runId}/close`,
  tag,
  summary: "The client owner's OK: close the run (passed when every scenario passed, else failed with a note)",
  params: runPath,
  body: z.object({ note: runNote, expectedVersion: runVersion }),
  success: { ...theRun, description: "The closed run" },
  errors: [403, 409, 422],
});

/** What the validation page's form actions take: the path's ids and the body, as the API validates them. */
export const openValidationRunInput = actionInput(openValidationRunOp);
export const addValidationScenarioInput = actionInput(addValidationScenarioOp);
export const removeValidationScenarioInput = scenarioPath.extend(removeValidationScenarioOp.query.shape);
export const moveValidationScenarioInput = actionInput(moveValidationScenarioOp);
export const recordScenarioResultInput = actionInput(recordScenarioResultOp);
export const closeValidationRunInput = actionInput(closeValidationRunOp);

export const validationRunOperations = [
  listValidationRunsOp,
  openValidationRunOp,
  getValidationRunOp,
  addValidationScenarioOp,
  removeValidationScenarioOp,
  moveValidationScenarioOp,
  recordScenarioResultOp,
  closeValidationRunOp,
];
