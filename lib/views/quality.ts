// What the quality panels show (a sprint's or a release's selection, its activities and evidence).
// Types only, so the browser may import them; lib/data/quality-history.ts produces these shapes.
import type { ACTIVITY_TIMINGS, ENVIRONMENTS, SPRINT_STATUSES } from "@/db/enums";
import type { EvidenceResult, MissingItem, QualityAnswers, ReleaseRef } from "@/lib/domain/quality-selection";

export type EvidenceView = {
  id: string;
  /** The selection it was recorded on (the release's, when the sprint inherits it). */
  selectionId: string;
  activityKey: string;
  result: EvidenceResult;
  reason: string | null;
  link: string | null;
  file: { name: string; size: number; sha256: string; mediaType: string; href: string } | null;
  recordedBy: { id: string; name: string };
  recordedAt: string;
};

/** A required activity frozen on the selection, with its latest evidence and the whole history (newest first). */
export type ActivityView = {
  key: string;
  /** In the reader's language, else the scale's English, then named in `nameUntranslated`. */
  name: string;
  nameUntranslated?: "en" | "es" | "pl" | null;
  environment: (typeof ENVIRONMENTS)[number];
  timing: (typeof ACTIVITY_TIMINGS)[number];
  gateNumber?: number | null;
  latest: EvidenceView | null;
  history: EvidenceView[];
};

export type SelectionView = {
  id: string;
  answers: QualityAnswers;
  recommendedLevel: string;
  reasons: { text: string; points: number }[];
  chosenLevel: string;
  belowRecommendation: boolean;
  justification: string | null;
  selectedBy: { id: string; name: string };
  selectedAt: string;
  activities: ActivityView[];
  missing: MissingItem[];
};

/** Everything the sprint quality panel shows, and what this actor may do there. */
export type SprintQualityView = {
  sprint: {
    id: string;
    number: number;
    status: (typeof SPRINT_STATUSES)[number];
    escapedDefects: number;
    version: number;
  };
  selection: SelectionView | null;
  /** Set when the sprint has no selection of its own and is held to its release's. */
  inheritedFrom: ReleaseRef | null;
  missing: MissingItem[];
  recentEscapedDefects: number;
  canEdit: boolean;
  canRecordDefects: boolean;
};
