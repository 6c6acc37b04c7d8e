// The public (API) shapes of migration waves and their runs.
import type { MigrationWave, WaveWithRuns } from "@/lib/data/migration";

type RunRow = WaveWithRuns["runs"][number];

export const runView = (r: RunRow) => ({
  id: r.id,
  kind: r.kind,
  ranOn: r.ranOn,
  extracted: r.extracted,
  loaded: r.loaded,
  rejected: r.rejected,
  reconciliation: r.reconciliation,
  reconciliationReasons: r.reconciliationReasons,
  notes: r.notes,
  recordedBy: { id: r.recordedBy, name: r.recordedByName },
});

export function waveView(wave: WaveWithRuns | (MigrationWave & { runs?: WaveWithRuns["runs"] })) {
  return {
    id: wave.id,
    name: wave.name,
    segment: wave.segment,
    sourceSystem: wave.sourceSystem,
    module: wave.module,
    plannedDate: wave.plannedDate,
    status: wave.status,
    version: wave.version,
    runs: (wave.runs ?? []).map(runView),
  };
}
