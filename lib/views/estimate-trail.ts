// The estimate trail as the roadmap and sprint pages draw it. Types only, so the browser may import
// them; lib/data/estimates.ts (estimateTrail) produces this shape.
import type { SnapshotPoint, trailSummary } from "@/lib/domain/estimate";

export type EstimatePoint = SnapshotPoint & { velocity: number | null; currency: string };

export type EstimateTrailView = {
  points: EstimatePoint[];
  /** False when the reader may not see internal cost figures (every forecastCost is then null). */
  showCost: boolean;
  targetGoLive: string;
  summary: ReturnType<typeof trailSummary>;
};
