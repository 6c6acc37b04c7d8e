// The default quality-standard scale and selection rule table (DESIGN.md §5). Seeded on first
// start in every mode; admins edit the stored copy afterwards.

export type DefaultActivity = {
  key: string;
  name: string;
  environment: "development" | "homologation" | "production";
  timing: "before_sprint_review" | "before_gate" | "after_deployment";
  gateNumber?: number;
};

export type DefaultLevel = {
  level: string;
  name: string;
  purpose: string;
  minPoints: number;
  /** Only what this level adds; each level also requires every activity of the levels below. */
  adds: DefaultActivity[];
};

export const DEFAULT_QUALITY_LEVELS: DefaultLevel[] = [
  {
    level: "QS0",
    name: "Configuration tweak",
    purpose: "Parameter or configuration change, no code.",
    minPoints: 0,
    adds: [
      { key: "peer_review", name: "Peer review", environment: "development", timing: "before_sprint_review" },
      { key: "smoke_test", name: "Smoke test", environment: "homologation", timing: "before_sprint_review" },
    ],
  },
  {
    level: "QS1",
    name: "Minor change",
    purpose: "A small change in one area.",
    minPoints: 2,
    adds: [
      {
        key: "functional_tests",
        name: "Functional tests of the changed area",
        environment: "homologation",
        timing: "before_sprint_review",
      },
    ],
  },
  {
    level: "QS2",
    name: "Standard release",
    purpose: "A normal sprint increment.",
    minPoints: 4,
    adds: [
      {
        key: "regression_suite",
        name: "Regression suite",
        environment: "homologation",
        timing: "before_sprint_review",
      },
      {
        key: "integration_tests",
        name: "Integration tests of touched interfaces",
        environment: "homologation",
        timing: "before_sprint_review",
      },
    ],
  },
  {
    level: "QS3",
    name: "Major release",
    purpose: "Rating/charging logic, new interfaces, data migration.",
    minPoints: 7,
    adds: [
      {
        key: "performance_test",
        name: "Performance test",
        environment: "homologation",
        timing: "before_sprint_review",
      },
      {
        key: "migration_rehearsal",
        name: "Migration rehearsal with reconciliation",
        environment: "homologation",
        timing: "before_sprint_review",
      },
      { key: "security_scan", name: "Security scan", environment: "homologation", timing: "before_sprint_review" },
    ],
  },
  {
    level: "QS4",
    name: "Go-live grade",
    purpose: "First production use, general availability.",
    minPoints: 12,
    adds: [
      {
        key: "guardian_validation_homologation",
        name: "End-to-end validation with guardians (homologation)",
        environment: "homologation",
        timing: "before_gate",
        gateNumber: 3,
      },
      {
        key: "guardian_validation_production",
        name: "End-to-end validation with guardians (production)",
        environment: "production",
        timing: "after_deployment",
      },
      {
        key: "load_test_2x_peak",
        name: "Load test at 2× expected peak",
        environment: "homologation",
        timing: "before_gate",
        gateNumber: 3,
      },
      {
        key: "rollback_rehearsal",
        name: "Rollback rehearsal",
        environment: "homologation",
        timing: "before_gate",
        gateNumber: 3,
      },
    ],
  },
];

/** Every level with its full, cumulative list of activities (QS1 includes QS0's, …). */
export function expandedDefaultLevels(): (Omit<DefaultLevel, "adds"> & {
  rank: number;
  activities: DefaultActivity[];
})[] {
  const out: (Omit<DefaultLevel, "adds"> & { rank: number; activities: DefaultActivity[] })[] = [];
  let inherited: DefaultActivity[] = [];
  DEFAULT_QUALITY_LEVELS.forEach(({ adds, ...level }, rank) => {
    inherited = [...inherited, ...adds];
    out.push({ ...level, rank, activities: inherited });
  });
  return out;
}

export const DEFAULT_QUALITY_RULES = [
  { question: "changeSize", matchValue: "small", points: 1, reason: "Small change: one area touched" },
  { question: "changeSize", matchValue: "medium", points: 3, reason: "Medium change: several areas touched" },
  { question: "changeSize", matchValue: "large", points: 5, reason: "Large change: many areas or a new module" },
  {
    question: "touchesRating",
    matchValue: "true",
    points: 4,
    reason: "Touches rating/charging: an error reaches every invoice",
  },
  {
    question: "touchesIntegrations",
    matchValue: "true",
    points: 2,
    reason: "Touches integrations: partner systems must be retested",
  },
  {
    question: "includesMigration",
    matchValue: "true",
    points: 4,
    reason: "Includes data migration: records must reconcile",
  },
  {
    question: "customerFacing",
    matchValue: "true",
    points: 2,
    reason: "Customer-facing: end customers see the change",
  },
  { question: "regulatory", matchValue: "true", points: 3, reason: "Regulatory: non-compliance carries penalties" },
  {
    question: "escapedDefects",
    matchValue: ">=1",
    points: 2,
    reason: "Defects escaped to production in the project's last 3 sprints",
  },
  {
    question: "escapedDefects",
    matchValue: ">=3",
    points: 2,
    reason: "Three or more escaped defects recently: testing must tighten",
  },
];
