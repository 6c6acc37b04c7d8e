// Demo data for integration and migration: realistic registries (interfaces in every status)
// for the residential MVP and the prepaid rollout; migration plans, waves, runs and RACI for
// the residential MVP and the Helios gas migration. Plain inserts: fast and synchronous.
import { eq } from "drizzle-orm";
import { type Tx, one } from "@/db/client";
import {
  externalSystems,
  interfaces,
  migrationPlans,
  migrationRuns,
  migrationWaves,
  type INTERFACE_STATUSES,
  type SYSTEM_KINDS,
} from "@/db/schema";
import { recordRun, type RaciRow, type RunKind, type WaveStatus } from "@/lib/domain/migration";
import type { DemoSeeder } from "./demo";
import { daysFromNow } from "./portfolio";

type Kind = (typeof SYSTEM_KINDS)[number];
type Status = (typeof INTERFACE_STATUSES)[number];
type InterfaceSpec = [
  name: string,
  direction: "inbound" | "outbound" | "bidirectional",
  protocol: "rest" | "kafka" | "sftp" | "file" | "soap" | "other",
  frequency: string,
  owner: string,
  status: Status,
  module: string,
  description: string,
];
type SystemSpec = { name: string; kind: Kind; description: string; interfaces: InterfaceSpec[] };

const NORDLICHT_REGISTRY: SystemSpec[] = [
  {
    name: "Salesforce Service Cloud",
    kind: "crm",
    description: "Customer care front office of Nordlicht Energie.",
    interfaces: [
      [
        "Customer and contract sync",
        "bidirectional",
        "kafka",
        "real time",
        "Nordlicht CRM team",
        "live",
        "Customer care",
        "Business partners, contracts and move-in/move-out events in both directions.",
      ],
      [
        "Invoice copy lookup",
        "outbound",
        "rest",
        "on demand",
        "Vendor integration team",
        "tested",
        "Invoicing",
        "Agents open the PDF copy of an invoice from the case.",
      ],
    ],
  },
  {
    name: "SAP S/4HANA FI-CA",
    kind: "erp",
    description: "Contract accounting and general ledger.",
    interfaces: [
      [
        "Billing documents to FI-CA",
        "outbound",
        "sftp",
        "daily 02:00",
        "Nordlicht finance IT",
        "tested",
        "Invoicing",
        "Posted invoices and credit notes as IDoc-equivalent CSV batches.",
      ],
      [
        "Payment allocations",
        "inbound",
        "sftp",
        "daily 05:00",
        "Nordlicht finance IT",
        "developed",
        "Invoicing",
        "Cleared items and dunning levels back to the platform.",
      ],
    ],
  },
  {
    name: "Mein Nordlicht portal",
    kind: "portal",
    description: "Self-service web portal for residential customers.",
    interfaces: [
      [
        "Self-service API",
        "bidirectional",
        "rest",
        "real time",
        "Portal agency",
        "developed",
        "Customer care",
        "Meter reading entry, instalment changes, invoice download.",
      ],
    ],
  },
  {
    name: "Nordlicht app",
    kind: "mobile",
    description: "iOS and Android app.",
    interfaces: [
      [
        "App consumption feed",
        "outbound",
        "rest",
        "hourly",
        "Portal agency",
        "designed",
        "Meter data",
        "Daily consumption curves for smart-meter customers.",
      ],
    ],
  },
  {
    name: "Adyen payment gateway",
    kind: "payment",
    description: "Card and SEPA direct debit collection.",
    interfaces: [
      [
        "SEPA mandates and collections",
        "bidirectional",
        "rest",
        "real time",
        "Vendor integration team",
        "designed",
        "Invoicing",
        "Mandate registration and collection results.",
      ],
    ],
  },
  {
    name: "Meter data hub (MDM)",
    kind: "meter_data",
    description: "Validated meter reads from the metering point operator.",
    interfaces: [
      [
        "Validated meter reads",
        "inbound",
        "file",
        "every 15 minutes",
        "Metering point operator",
        "live",
        "Meter data",
        "MSCONS messages converted to the platform's read format.",
      ],
    ],
  },
  {
    name: "EDI@Energy mediation",
    kind: "mediation",
    description: "Market communication gateway (UTILMD, MSCONS, INVOIC).",
    interfaces: [
      [
        "Market messages",
        "bidirectional",
        "other",
        "continuous (AS4)",
        "Nordlicht market communication",
        "developed",
        "Rating & charging",
        "Supplier switches and grid usage invoices.",
      ],
    ],
  },
];

const MERIDIAN_REGISTRY: SystemSpec[] = [
  {
    name: "Siebel CRM",
    kind: "crm",
    description: "Subscriber care and order management.",
    interfaces: [
      [
        "Subscriber provisioning",
        "outbound",
        "soap",
        "real time",
        "Meridian BSS team",
        "tested",
        "Customer care",
        "New prepaid lines, SIM swaps and barring.",
      ],
    ],
  },
  {
    name: "Oracle E-Business Suite",
    kind: "erp",
    description: "Finance and revenue recognition.",
    interfaces: [
      [
        "Revenue journal",
        "outbound",
        "sftp",
        "daily 01:00",
        "Meridian finance IT",
        "designed",
        "Online charging",
        "Prepaid revenue recognised on usage, per product.",
      ],
    ],
  },
  {
    name: "Meridian self-care portal",
    kind: "portal",
    description: "Balance, bundles and top-up history.",
    interfaces: [
      [
        "Balance and bundles API",
        "bidirectional",
        "rest",
        "real time",
        "Vendor integration team",
        "developed",
        "Online charging",
        "Balance enquiry and bundle purchase.",
      ],
    ],
  },
  {
    name: "MyMeridian app",
    kind: "mobile",
    description: "Prepaid app with top-ups.",
    interfaces: [
      [
        "Usage notifications",
        "outbound",
        "kafka",
        "real time",
        "Meridian digital",
        "designed",
        "Online charging",
        "Low-balance and bundle-expiry events.",
      ],
    ],
  },
  {
    name: "Top-up payment gateway",
    kind: "payment",
    description: "Card and voucher top-ups.",
    interfaces: [
      [
        "Top-up credits",
        "inbound",
        "rest",
        "real time",
        "Vendor integration team",
        "live",
        "Payments",
        "Confirmed top-ups credited to the prepaid balance.",
      ],
    ],
  },
  {
    name: "Network mediation",
    kind: "mediation",
    description: "Usage records from the core network.",
    interfaces: [
      [
        "Charging requests (Diameter Gy)",
        "inbound",
        "other",
        "real time",
        "Meridian network team",
        "tested",
        "Online charging",
        "Online credit control for data and voice.",
      ],
    ],
  },
];

async function seedRegistry(tx: Tx, projectId: string, registry: SystemSpec[]) {
  for (const spec of registry) {
    const system = await one(
      tx
        .insert(externalSystems)
        .values({ projectId, name: spec.name, kind: spec.kind, description: spec.description })
        .returning(),
    );
    for (const [name, direction, protocol, frequency, owner, status, module, description] of spec.interfaces) {
      await tx.insert(interfaces).values({
        projectId,
        systemId: system.id,
        name,
        direction,
        protocol,
        frequency,
        owner,
        status,
        module,
        description,
      });
    }
  }
}

const STANDARD_RACI: RaciRow[] = [
  {
    activity: "Migration strategy and scenario",
    phase: "design",
    assignments: { vendor_pm: "A", vendor_team: "R", integrator: "C", client_owner: "C", client_it: "C" },
  },
  {
    activity: "Source-to-target data mapping",
    phase: "design",
    assignments: { vendor_pm: "A", vendor_team: "R", client_it: "R", guardians: "C" },
  },
  {
    activity: "Data cleansing in the legacy system",
    phase: "build",
    assignments: { client_owner: "A", client_it: "R", vendor_team: "C", guardians: "I" },
  },
  {
    activity: "Extraction and load scripts",
    phase: "build",
    assignments: { vendor_pm: "A", vendor_team: "R", integrator: "R", client_it: "C" },
  },
  {
    activity: "Rehearsals with reconciliation",
    phase: "build",
    assignments: { vendor_pm: "A", vendor_team: "R", client_it: "R", guardians: "C", client_owner: "I" },
  },
  {
    activity: "Cut-over go/no-go",
    phase: "deployment",
    assignments: { client_owner: "A", vendor_pm: "R", client_it: "C", guardians: "C", helpdesk: "I" },
  },
  {
    activity: "Production migration runs",
    phase: "deployment",
    assignments: { vendor_pm: "A", vendor_team: "R", client_it: "R", helpdesk: "I" },
  },
  {
    activity: "Post-migration data corrections",
    phase: "post_implementation",
    assignments: { client_owner: "A", guardians: "R", helpdesk: "R", vendor_team: "C" },
  },
  {
    activity: "Legacy system decommissioning",
    phase: "post_implementation",
    assignments: { client_owner: "A", client_it: "R", vendor_pm: "I" },
  },
];

type RunSpec = [kind: RunKind, daysAgo: number, extracted: number, loaded: number, rejected: number, notes: string];
type WaveSpec = {
  name: string;
  segment: string;
  sourceSystem: string;
  module: string;
  inDays: number;
  runs: RunSpec[];
};

async function seedWaves(tx: Tx, projectId: string, recordedBy: string, waves: WaveSpec[]) {
  for (const spec of waves) {
    const wave = await one(
      tx
        .insert(migrationWaves)
        .values({
          projectId,
          name: spec.name,
          segment: spec.segment,
          sourceSystem: spec.sourceSystem,
          module: spec.module,
          plannedDate: daysFromNow(spec.inDays),
        })
        .returning(),
    );
    // Runs go through the same rule the app applies: reconciliation and wave status are computed.
    let status: WaveStatus = "planned";
    for (const [kind, daysAgo, extracted, loaded, rejected, notes] of spec.runs) {
      const step = recordRun(status, kind, { extracted, loaded, rejected });
      if (!step.ok) throw new Error(`Demo wave ${spec.name}: ${step.refusal.message}`);
      status = step.status;
      await tx.insert(migrationRuns).values({
        waveId: wave.id,
        kind,
        ranOn: daysFromNow(-daysAgo),
        extracted,
        loaded,
        rejected,
        reconciliation: step.reconciliation.result,
        notes,
        recordedBy,
      });
    }
    await tx
      .update(migrationWaves)
      .set({ status, version: 1 + spec.runs.length })
      .where(eq(migrationWaves.id, wave.id));
  }
}

export const seedIntegration: DemoSeeder = async (tx, world) => {
  const residential = world.projects["nordlicht-residential"];
  const prepaid = world.projects["meridian-prepaid"];
  const helios = world.projects["helios-migration"];
  const integrator = world.accounts["integrator@demo.test"];
  const engineer = world.accounts["engineer@demo.test"];

  if (residential) await seedRegistry(tx, residential.id, NORDLICHT_REGISTRY);
  if (prepaid) await seedRegistry(tx, prepaid.id, MERIDIAN_REGISTRY);

  if (residential && integrator) {
    await tx.insert(migrationPlans).values({
      projectId: residential.id,
      scenario:
        "Wave-based migration per customer segment, each wave rehearsed twice with full reconciliation before " +
        "its production run; legacy billing frozen 48 hours before each cut-over.",
      scope:
        "Residential and SME electricity customers (about 410,000 contracts) with open items, instalment plans " +
        "and the last 24 months of meter reads.",
      sourceSystems: "SAP IS-U (legacy billing), legacy document archive",
      raci: STANDARD_RACI,
    });
    await seedWaves(tx, residential.id, integrator.id, [
      {
        name: "Wave 1: residential pilot (Kiel)",
        segment: "Residential",
        sourceSystem: "SAP IS-U",
        module: "Invoicing",
        inDays: 40,
        runs: [
          ["rehearsal", 30, 12_000, 11_610, 390, "Address formats rejected; cleansing rule added."],
          ["rehearsal", 9, 12_050, 11_990, 60, "All rejections traced to closed contracts."],
        ],
      },
      {
        name: "Wave 2: residential main",
        segment: "Residential",
        sourceSystem: "SAP IS-U",
        module: "Invoicing",
        inDays: 75,
        runs: [
          ["rehearsal", 5, 352_000, 340_900, 9_800, "1,300 records lost in the instalment-plan load: script fixed."],
        ],
      },
      {
        name: "Wave 3: SME",
        segment: "SME",
        sourceSystem: "SAP IS-U",
        module: "Contract management",
        inDays: 110,
        runs: [],
      },
    ]);
  }

  if (helios && engineer) {
    await tx.insert(migrationPlans).values({
      projectId: helios.id,
      scenario:
        "Big-bang per region after two clean rehearsals; on hold since the production run of the south region " +
        "failed reconciliation.",
      scope: "Gas retail customers (about 95,000 contracts) with balances and the last reading.",
      sourceSystems: "Legacy CIS (Oracle Forms), payment archive",
      raci: STANDARD_RACI,
    });
    await seedWaves(tx, helios.id, engineer.id, [
      {
        name: "Region north",
        segment: "Residential gas",
        sourceSystem: "Legacy CIS",
        module: "Migration",
        inDays: -40,
        runs: [
          ["rehearsal", 70, 31_000, 30_800, 200, ""],
          ["production", 40, 31_200, 31_120, 80, "Cut-over on schedule."],
        ],
      },
      {
        name: "Region south",
        segment: "Residential gas",
        sourceSystem: "Legacy CIS",
        module: "Migration",
        inDays: -12,
        runs: [
          ["rehearsal", 35, 48_000, 47_600, 400, ""],
          ["production", 12, 48_300, 47_500, 420, "380 meter histories missing after load; rolled back."],
        ],
      },
      {
        name: "Business customers",
        segment: "SME gas",
        sourceSystem: "Legacy CIS",
        module: "Migration",
        inDays: 60,
        runs: [],
      },
    ]);
  }
};
