// Quality-standard selection (DESIGN.md §3 "Quality selection", §5): pure rules.
// The rule table is data (editable by admins); this module only interprets it.
import { onField, refuse, type Outcome, type RefusalParams } from "@/lib/domain/refusal";

export const QUALITY_QUESTIONS = [
  "changeSize",
  "touchesRating",
  "touchesIntegrations",
  "includesMigration",
  "customerFacing",
  "regulatory",
  "escapedDefects",
] as const;
export type QualityQuestion = (typeof QUALITY_QUESTIONS)[number];

export const QUESTION_LABELS: Record<QualityQuestion, string> = {
  changeSize: "Size of the change",
  touchesRating: "Touches rating / charging",
  touchesIntegrations: "Touches integrations",
  includesMigration: "Includes data migration",
  customerFacing: "Customer-facing",
  regulatory: "Regulatory",
  escapedDefects: "Defects escaped in the last 3 sprints",
};

export const CHANGE_SIZES = ["small", "medium", "large"] as const;
export type ChangeSize = (typeof CHANGE_SIZES)[number];

export type QualityAnswers = {
  changeSize: ChangeSize;
  touchesRating: boolean;
  touchesIntegrations: boolean;
  includesMigration: boolean;
  customerFacing: boolean;
  regulatory: boolean;
};

export type QualityRule = { question: string; matchValue: string; points: number; reason: string };
export type QualityLevel = { level: string; rank: number; name: string; minPoints: number };
export type Reason = { text: string; points: number };

/** How many of the project's latest sprints count for the escaped-defects rule. */
export const ESCAPED_DEFECT_WINDOW = 3;

/**
 * Does one rule match? Exact match for answers ("true", "large"); numeric questions
 * (escapedDefects) also accept ">=N" thresholds, so one question can add points in steps.
 */
export function ruleMatches(rule: QualityRule, answers: QualityAnswers, escapedDefects: number | null): boolean {
  const value: unknown =
    rule.question === "escapedDefects" ? escapedDefects : (answers as Record<string, unknown>)[rule.question];
  if (value === null || value === undefined) return false;
  const threshold = /^>=\s*(\d+)$/.exec(rule.matchValue.trim());
  if (threshold) return typeof value === "number" && value >= Number(threshold[1]);
  return String(value) === rule.matchValue.trim();
}

/** Sums the points of every matching rule, keeping each rule's reason (in table order). */
export function scoreAnswers(
  rules: QualityRule[],
  answers: QualityAnswers,
  escapedDefects: number | null,
): { total: number; reasons: Reason[] } {
  const reasons = rules
    .filter((rule) => ruleMatches(rule, answers, escapedDefects))
    .map((rule) => ({ text: rule.reason, points: rule.points }));
  return { total: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** The highest level whose minimum points the total reaches; the lowest level when none does. */
export function recommendedLevel(levels: QualityLevel[], total: number): QualityLevel {
  if (levels.length === 0) throw new Error("The quality scale has no levels.");
  const byRank = [...levels].sort((a, b) => a.rank - b.rank);
  return byRank.filter((l) => l.minPoints <= total).at(-1) ?? byRank[0];
}

export function recommend(
  levels: QualityLevel[],
  rules: QualityRule[],
  answers: QualityAnswers,
  escapedDefects: number | null,
) {
  const { total, reasons } = scoreAnswers(rules, answers, escapedDefects);
  return { level: recommendedLevel(levels, total), total, reasons };
}

/** A refusal about one field names it (`fieldErrors`) so the form shows it there; it stays a 409. */
const refuseOn = (field: string, code: string, message: string, params?: RefusalParams) =>
  refuse(code, message, { fieldErrors: onField(field, message), params });

/** Sprints whose quality selection and evidence may still change. */
const OPEN_SPRINT = new Set(["planned", "active", "rejected"]);

/** Choosing a level: an existing one, not after the review started, and a justification below the recommendation. */
export function decideSelection(input: {
  sprintStatus: string;
  levels: QualityLevel[];
  recommended: string;
  chosen: string;
  justification: string;
}): Outcome<{ chosen: QualityLevel; belowRecommendation: boolean }> {
  if (!OPEN_SPRINT.has(input.sprintStatus)) {
    return refuse(
      "sprint_not_open",
      `This sprint is ${input.sprintStatus.replace("_", " ")}; its quality standard can no longer change.`,
      { variant: "standard", params: { status: input.sprintStatus } },
    );
  }
  const chosen = input.levels.find((l) => l.level === input.chosen);
  const recommended = input.levels.find((l) => l.level === input.recommended);
  if (!chosen || !recommended) {
    return refuseOn("chosenLevel", "unknown_level", "Choose a level of the quality scale.");
  }
  const belowRecommendation = chosen.rank < recommended.rank;
  if (belowRecommendation && input.justification.trim().length === 0) {
    return refuseOn(
      "justification",
      "justification_required",
      `${chosen.level} is below the recommended ${recommended.level}: write why the lower level is enough.`,
      { chosen: chosen.level, recommended: recommended.level },
    );
  }
  return { ok: true, chosen, belowRecommendation };
}

export type EvidenceResult = "passed" | "failed" | "waived";

/** Recording evidence: only for a required activity of an open sprint; a waiver needs its reason. */
export function decideEvidence(input: {
  sprintStatus: string;
  activityKeys: string[];
  activityKey: string;
  result: EvidenceResult;
  reason: string;
  hasProof: boolean;
}): Outcome {
  if (!OPEN_SPRINT.has(input.sprintStatus)) {
    return refuse(
      "sprint_not_open",
      `This sprint is ${input.sprintStatus.replace("_", " ")}; its evidence can no longer change.`,
      { variant: "evidence", params: { status: input.sprintStatus } },
    );
  }
  if (!input.activityKeys.includes(input.activityKey)) {
    return refuseOn(
      "activityKey",
      "activity_not_required",
      "This activity is not required by the sprint's chosen quality standard.",
    );
  }
  if (input.result === "waived" && input.reason.trim().length === 0) {
    return refuseOn("reason", "waiver_reason_required", "Say why this activity is waived.");
  }
  if (input.result === "passed" && !input.hasProof) {
    return refuseOn("link", "proof_required", "Attach the test report or give a link to it.");
  }
  return { ok: true };
}

export type RequiredActivity = { key: string; name: string };
export type EvidenceRecord = { activityKey: string; result: EvidenceResult; recordedAt: string };
export type MissingItem = { key: string; name: string; reason: string };

/** The latest evidence per activity decides its status (evidence is append-only). */
export function latestEvidence<E extends EvidenceRecord>(evidence: E[]): Map<string, E> {
  const latest = new Map<string, E>();
  for (const e of evidence) {
    const current = latest.get(e.activityKey);
    if (!current || e.recordedAt >= current.recordedAt) latest.set(e.activityKey, e);
  }
  return latest;
}

/** What still blocks the sprint review: every required activity without passed or waived evidence. */
export function missingEvidence(
  selection: { activities: RequiredActivity[] } | null,
  evidence: EvidenceRecord[],
): MissingItem[] {
  if (!selection) return [{ key: "quality_level", name: "Quality level", reason: "No quality standard selected" }];
  const latest = latestEvidence(evidence);
  return selection.activities.flatMap((activity) => {
    const e = latest.get(activity.key);
    if (e && (e.result === "passed" || e.result === "waived")) return [];
    return [{ key: activity.key, name: activity.name, reason: e ? "Latest evidence: failed" : "No evidence recorded" }];
  });
}

// ── Release-level selections (DESIGN.md §2 "QualitySelection (per sprint or release)") ──

export type ReleaseRef = { id: string; number: number; name: string };

/**
 * The selection a sprint is held to at the close of its review: its own when it has one,
 * otherwise its release's (evidence recorded against that release selection counts for every
 * sprint inheriting it), otherwise none.
 */
export type GoverningSelection<S> =
  | { source: "sprint"; selection: S; release: null }
  | { source: "release"; selection: S; release: ReleaseRef }
  | { source: "none"; selection: null; release: null };

export function governingSelection<S>(
  own: S | null,
  release: (ReleaseRef & { selection: S | null }) | null,
): GoverningSelection<S> {
  if (own) return { source: "sprint", selection: own, release: null };
  if (release?.selection) {
    const { selection, ...ref } = release;
    return { source: "release", selection, release: ref };
  }
  return { source: "none", selection: null, release: null };
}

/** Sprint statuses that were (or are being) reviewed against the standard they were held to. */
const REVIEWED_SPRINT = new Set(["in_review", "accepted"]);

/**
 * Choosing a release's level: the same level and justification rules as a sprint's, refused
 * once a sprint inheriting it went to review: that sprint was judged against it, and the record
 * must still say so. Later sprints can choose their own standard instead.
 */
export function decideReleaseSelection(input: {
  inheritingSprints: { number: number; status: string }[];
  levels: QualityLevel[];
  recommended: string;
  chosen: string;
  justification: string;
}): Outcome<{ chosen: QualityLevel; belowRecommendation: boolean }> {
  const reviewed = input.inheritingSprints
    .filter((s) => REVIEWED_SPRINT.has(s.status))
    .sort((a, b) => a.number - b.number);
  if (reviewed.length) {
    const names = reviewed.map((s) => `sprint ${s.number}`).join(", ");
    return refuse(
      "release_standard_in_use",
      `The release's standard can no longer change: ${names} ${reviewed.length === 1 ? "was" : "were"} ` +
        "reviewed against it. Choose a standard for each later sprint instead.",
      { params: { names, count: reviewed.length } },
    );
  }
  return decideSelection({ ...input, sprintStatus: "planned" });
}
