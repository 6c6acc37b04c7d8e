// The contract of data migration: waves per segment and their rehearsal and production runs,
// whose reconciliation is computed (DESIGN.md §2, MigrationWave).
import { z } from "zod";
import { MIGRATION_RUN_KINDS, RECONCILIATION_RESULTS, WAVE_STATUSES } from "@/db/enums";
import { runFields, waveFields } from "@/lib/validation/migration";
import { actionInput, operation } from "./operation";
import { calendarDate, id, pageOf, pageQuery, projectPath, version } from "./shared";
import { Person } from "./validation-runs";

const runFacts = {
  id: z.uuid(),
  kind: z.enum(MIGRATION_RUN_KINDS),
  ranOn: calendarDate,
  extracted: z.number().int(),
  loaded: z.number().int(),
  rejected: z.number().int(),
  reconciliation: z.enum(RECONCILIATION_RESULTS),
  reconciliationReasons: z.array(z.string()).meta({ description: "Why the reconciliation failed; empty if passed." }),
};

export const MigrationRun = z
  .object({ ...runFacts, notes: z.string(), recordedBy: Person })
  .meta({ id: "MigrationRun" });

export const MigrationWave = z
  .object({
    id: z.uuid(),
    name: z.string(),
    segment: z.string(),
    sourceSystem: z.string(),
    module: z.string().nullable(),
    plannedDate: calendarDate,
    status: z.enum(WAVE_STATUSES),
    version,
    runs: z.array(MigrationRun).meta({ description: "Its runs, newest first." }),
  })
  .meta({ id: "MigrationWave" });

const tag = "Migration";
const waves = "/api/v1/projects/{projectId}/migration-waves";
const wavePath = projectPath.extend({ waveId: id("migration wave") });

export const listWavesOp = operation({
  id: "listMigrationWaves",
  method: "get",
  path: waves,
  tag,
  summary: "Migration waves by planned date, with their rehearsal and production runs",
  params: projectPath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of waves", schema: pageOf(MigrationWave) },
  errors: [403, 422],
});

export const createWaveOp = operation({
  id: "createMigrationWave",
  method: "post",
  path: waves,
  tag,
  summary: "Plan a migration wave (PM, the project's integrators)",
  params: projectPath,
  body: z.object(waveFields).meta({ id: "MigrationWaveInput" }),
  success: { status: 201, description: "Created", schema: MigrationWave },
  errors: [403, 422],
});

export const listWaveRunsOp = operation({
  id: "listMigrationRuns",
  method: "get",
  path: `${waves}/{waveId}/runs`,
  tag,
  summary: "Runs of a wave, newest first",
  params: wavePath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of runs", schema: pageOf(MigrationRun) },
  errors: [403, 422],
});

export const recordMigrationRunOp = operation({
  id: "recordMigrationRun",
  method: "post",
  path: `${waves}/{waveId}/runs`,
  tag,
  summary: "Record a rehearsal or production run; the wave's status follows (409 when the workflow refuses)",
  params: wavePath,
  body: z
    .object({
      ...runFields,
      expectedVersion: runFields.expectedVersion.meta({
        description: "The wave version the caller saw; a stale one is refused with 409.",
      }),
    })
    .meta({
      id: "MigrationRunInput",
      description:
        "loaded + rejected must not exceed extracted. The reconciliation is computed: every extracted record " +
        "loaded or rejected, rejections within tolerance (2% rehearsal, 0.5% production).",
    }),
  success: {
    status: 201,
    description: "Recorded",
    schema: z.object({ ...runFacts, waveStatus: z.enum(WAVE_STATUSES) }).meta({ id: "RecordedMigrationRun" }),
  },
  errors: [403, 409, 422],
});

/** What the migration page's forms hand to lib/data, validated by the operations' schemas. */
export const createWaveInput = actionInput(createWaveOp);
export const recordMigrationRunInput = actionInput(recordMigrationRunOp);

export const migrationOperations = [listWavesOp, createWaveOp, listWaveRunsOp, recordMigrationRunOp];
