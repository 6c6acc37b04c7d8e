// The second policy template (DESIGN.md §4b): the six-step rollout, numbered 6 → 1 and run by
// the same engine as the light-gating policy, which proves that policies are data. Which steps
// must be passed before go-live, who approves what and when a step is planned are all said here.
import type { PolicyGate } from "@/db/enums";
import { ALL, artifact, GO_LIVE_ACCEPTANCE_KEY, LARGE_ONLY, LIGHT } from "@/lib/domain/default-policy";

export const SIX_STEP_POLICY_NAME = "Six-step rollout";
export const SIX_STEP_POLICY_DESCRIPTION =
  "Steps 6 → 1 for a lighter, client-facing rollout: kickoff, the “as-is” presentation, work plan, " +
  "homologation and production validation, go-live.";

// The PM and the client product owner decide every step together; guardians join from step 3,
// when the client starts validating (optional seats: a site without a guardian never blocks).
const PAIR: PolicyGate["defaultBoard"] = [
  { projectRole: "project_manager", required: true },
  { projectRole: "client_owner", required: true },
];
const WITH_GUARDIANS: PolicyGate["defaultBoard"] = [...PAIR, { projectRole: "guardian", required: false }];

export const SIX_STEP_POLICY_GATES: PolicyGate[] = [
  {
    number: 6,
    name: "Kickoff meeting",
    objectives:
      "What was sold is presented to the client's external and internal teams (modules, interfaces between " +
      "systems, storage, two-factor sign-in…); product owners named on both sides; the vendor's " +
      "implementation, product and support teams introduced; a steering-committee channel set up.",
    artifactTypes: [
      artifact("sold_solution_summary", "Sold solution summary (modules, interfaces, options)"),
      artifact("product_owners", "Product owners on both sides"),
      artifact("steering_committee_channel", "Steering committee and its channel", LIGHT),
    ],
    defaultBoard: PAIR,
    decisionRule: "unanimous",
    quorum: null,
    schedule: { anchor: "start", days: 14 },
    requiredBeforeGoLive: true,
  },
  {
    number: 5,
    name: "“As-is” presentation",
    objectives:
      "Align what was sold with what was bought: a complete operating flow of each contracted module is shown, " +
      "the client's questions answered, the procedures the client must rewrite identified; SaaS vs. owned " +
      "software made clear.",
    artifactTypes: [
      // The moment the client confirms what it bought: its product owner approves the flows.
      artifact("module_operating_flows", "Operating flow of each contracted module", ALL, ["client_owner"]),
      artifact("questions_answers_log", "Questions and answers log", LIGHT),
      artifact("client_procedures_to_revise", "Client procedures to revise", LIGHT),
    ],
    defaultBoard: PAIR,
    decisionRule: "unanimous",
    quorum: null,
    schedule: { anchor: "start", days: 45 },
    requiredBeforeGoLive: true,
  },
  {
    number: 4,
    name: "Work plan",
    objectives:
      "A macro schedule of every phase by module; a detailed schedule the client follows; the macro report and " +
      "the weekly status report start.",
    artifactTypes: [
      artifact("macro_schedule", "Macro schedule by module"),
      artifact("detailed_schedule", "Detailed schedule", LIGHT),
      artifact("first_weekly_status_report", "First weekly status report", LIGHT),
      artifact("risk_register", "Risk register", LARGE_ONLY),
    ],
    defaultBoard: PAIR,
    decisionRule: "majority",
    quorum: null,
    schedule: { anchor: "start", days: 75 },
    requiredBeforeGoLive: true,
  },
  {
    number: 3,
    name: "Homologation validation",
    objectives:
      "The client validates the whole modelled flow in homologation; after the client's “OK”, guardians are " +
      "trained (on site at the client's units, or remote with adapted content); only guardians may call the " +
      "vendor on a real platform problem.",
    artifactTypes: [
      // The report carries the client's "OK": only the client owner can give it.
      artifact("homologation_validation_report", "Homologation validation report with the client's OK", ALL, [
        "client_owner",
      ]),
      artifact("guardians_nominated", "Guardians nominated per site"),
      artifact("training_plan", "Training plan", LIGHT),
    ],
    defaultBoard: WITH_GUARDIANS,
    decisionRule: "unanimous",
    quorum: null,
    schedule: { anchor: "go_live", days: -45 },
    requiredBeforeGoLive: true,
  },
  {
    number: 2,
    name: "Production validation",
    objectives:
      "Production prepared and the interfaces to other software connected; the client runs the full flow again " +
      "in production.",
    artifactTypes: [
      artifact("production_environment_ready", "Production environment and interfaces ready"),
      artifact("production_validation_report", "Production validation report"),
    ],
    defaultBoard: WITH_GUARDIANS,
    decisionRule: "unanimous",
    quorum: null,
    schedule: { anchor: "go_live", days: -10 },
    requiredBeforeGoLive: true,
  },
  {
    number: 1,
    name: "Go-live",
    objectives:
      "The client sends the go-live acceptance; a handover meeting passes the client to the helpdesk and ends " +
      "the implementation team's part.",
    artifactTypes: [
      artifact(GO_LIVE_ACCEPTANCE_KEY, "Go-live acceptance"),
      artifact("helpdesk_handover", "Helpdesk handover record"),
    ],
    defaultBoard: WITH_GUARDIANS,
    decisionRule: "unanimous",
    quorum: null,
    schedule: { anchor: "go_live", days: 14 },
  },
];
