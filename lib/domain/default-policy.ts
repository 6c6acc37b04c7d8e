// The default light-gating policy (DESIGN.md §4): seed data that admins can edit.
// Requirement per size class is what makes the gating "light": a small project needs fewer
// artifacts, a large one a few more.
import type { PolicyGate, ProjectRole, Requirement, SizeClass } from "@/db/enums";

type Req = Partial<Record<SizeClass, Requirement>>;
export const ALL: Req = { small: "must", standard: "must", large: "must" };
export const LIGHT: Req = { small: "should", standard: "must", large: "must" };
export const LARGE_ONLY: Req = { large: "must", standard: "should" };

/** The artifact key the go-live acceptance is filed under, in every policy that has one. */
export const GO_LIVE_ACCEPTANCE_KEY = "go_live_acceptance";

export const artifact = (
  key: string,
  title: string,
  requirement: Req = ALL,
  approverRoles?: ProjectRole[],
): PolicyGate["artifactTypes"][number] => ({
  key,
  title,
  requirement,
  ...(approverRoles ? { approverRoles } : {}),
});

const BOARD: PolicyGate["defaultBoard"] = [
  { projectRole: "project_manager", required: true },
  { projectRole: "client_owner", required: true },
];

export const DEFAULT_POLICY_NAME = "Light-gating policy";

export const DEFAULT_POLICY_GATES: PolicyGate[] = [
  {
    number: 7,
    name: "Project kickoff with the contracting organisation",
    objectives: "Contract and implementation concept agreed; owners named on both sides.",
    artifactTypes: [
      artifact("statement_of_work", "Statement of Work"),
      artifact(
        "implementation_concept",
        "Implementation concept (objectives, results, timelines, methods, deliverables)",
      ),
      artifact("governance_plan", "Governance plan (board, steering committee, product owners)", LIGHT),
      artifact("risk_register", "Risk register", LARGE_ONLY),
    ],
    defaultBoard: BOARD,
    decisionRule: "unanimous",
    quorum: null,
    requiredBeforeGoLive: true,
  },
  {
    number: 6,
    name: "Project closure",
    objectives: "The implementation concept is closed: MVP scope and roadmap baselined.",
    artifactTypes: [
      // DESIGN.md §1: the client owner approves the MVP scope.
      artifact("mvp_scope", "MVP scope (configuration, interconnection, localization requirements)", ALL, [
        "client_owner",
      ]),
      artifact("release_roadmap", "Release roadmap", LIGHT),
      artifact("integration_concept_diagram", "Integration concept diagram", LIGHT),
    ],
    defaultBoard: BOARD,
    decisionRule: "majority",
    quorum: null,
    requiredBeforeGoLive: true,
  },
  {
    number: 5,
    name: "Detailed plans complete",
    objectives: "Every plan needed to build and deploy exists.",
    artifactTypes: [
      artifact("macro_schedule", "Macro schedule by module"),
      artifact("data_migration_plan", "Data migration plan", LIGHT),
      artifact("interface_descriptions", "Interface descriptions", LIGHT),
      artifact("training_plan", "Training plan"),
      artifact("operational_deployment_plan", "Operational deployment plan", LIGHT),
      artifact("capacity_plan", "Performance and capacity plan", LARGE_ONLY),
    ],
    defaultBoard: BOARD,
    decisionRule: "majority",
    quorum: null,
    requiredBeforeGoLive: true,
  },
  {
    number: 4,
    name: "Start of validation",
    objectives: "Ready to validate in homologation.",
    artifactTypes: [
      artifact("homologation_environment", "Homologation environment ready"),
      artifact("test_plan", "Test plan for the selected quality standard"),
      artifact("guardians_nominated", "Guardians nominated"),
    ],
    defaultBoard: BOARD,
    decisionRule: "quorum",
    quorum: 2,
    requiredBeforeGoLive: true,
  },
  {
    number: 3,
    name: "Start of first office application",
    objectives: "Validated, trained, ready for first production use.",
    artifactTypes: [
      artifact("homologation_validation_report", "Homologation validation report"),
      artifact("guardian_certification_record", "Guardian certification record"),
      artifact("production_validation_report", "Production validation report"),
      artifact(GO_LIVE_ACCEPTANCE_KEY, "Go-live acceptance"),
    ],
    defaultBoard: BOARD,
    decisionRule: "unanimous",
    quorum: null,
  },
  {
    number: 2,
    name: "General availability",
    objectives: "In production for new customers; existing customers migrating.",
    artifactTypes: [
      artifact("migration_wave_results", "Migration wave plan and results", LIGHT),
      artifact("helpdesk_handover", "Helpdesk handover record"),
    ],
    defaultBoard: BOARD,
    decisionRule: "majority",
    quorum: null,
  },
  {
    number: 1,
    name: "Post-implementation review",
    objectives: "Lessons learned; scope of the next release.",
    artifactTypes: [
      artifact("post_implementation_review", "Post-implementation review"),
      artifact("next_release_scope", "Next release scope", LIGHT),
    ],
    defaultBoard: BOARD,
    decisionRule: "majority",
    quorum: null,
  },
];

/** The artifacts a gate asks of a project of this size: every type that applies, with its strength. */
export function applicableArtifacts(gate: PolicyGate, sizeClass: SizeClass) {
  return gate.artifactTypes.flatMap((type) => {
    const requirement = type.requirement[sizeClass];
    return requirement ? [{ type: type.key, title: type.title, requirement }] : [];
  });
}
