// The contract of the go-live: the readiness checklist, the acceptance and its re-authenticated
// sign-offs, the certificate, and the handover to the helpdesk (DESIGN.md §3, Go-live).
import { z } from "zod";
import { ACCEPTANCE_STATUSES, PROJECT_STATUSES, SIGNER_CAPACITIES } from "@/db/enums";
import { LOCALES } from "@/lib/i18n/locale";
import { expectedVersion } from "@/lib/validation/common";
import { acceptanceFields, handoverFields, signOffFields } from "@/lib/validation/go-live";
import { actionInput, operation } from "./operation";
import { calendarDate, instant, projectPath, version } from "./shared";

const CHECKLIST_KEYS = [
  "homologation_passed",
  "production_passed",
  "guardians_certified",
  "no_blocking_escalations",
  "gates_passed",
] as const;
const capacity = z.enum(SIGNER_CAPACITIES);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const SupportContact = z
  .object({ name: z.string(), email: z.string(), phone: z.string().optional(), role: z.string().optional() })
  .meta({ id: "SupportContact" });

export const GoLive = z
  .object({
    projectId: z.uuid(),
    projectStatus: z.enum(PROJECT_STATUSES),
    ready: z.boolean().meta({ description: "Every checklist item is done: signing is possible." }),
    checklist: z.array(
      z.object({
        key: z.enum(CHECKLIST_KEYS),
        label: z.string(),
        done: z.boolean(),
        detail: z.string(),
        facts: z
          .object({
            latest: z.enum(["passed", "failed"]).nullable().optional(),
            open: z.boolean().optional(),
            sites: z.number().int().optional(),
            uncovered: z.array(z.string()).optional(),
            openBlocking: z.number().int().optional(),
            required: z.array(z.number().int()).optional(),
            notPassed: z.array(z.number().int()).optional(),
            openConditions: z.number().int().optional(),
          })
          .meta({ description: "The values the detail is made of, language-neutral" }),
        href: z.string().meta({ description: "The page with the evidence" }),
      }),
    ),
    goLiveGate: z
      .object({ number: z.number().int(), name: z.string() })
      .nullable()
      .meta({
        description:
          "The gate of the project's policy that holds the go-live acceptance " +
          "(the gates before it are in the checklist).",
      }),
    status: z.enum(["not_set_up", "open", "signed", "handed_over"]),
    language: z.enum(LOCALES).meta({ description: "The client's language (the project's)." }),
    defaultStatement: z.string().meta({
      description:
        "The statement proposed before one is set, in the project's language. What is signed is the saved " +
        "statement: each sign-off stores that exact text and its SHA-256.",
    }),
    acceptance: z
      .object({
        id: z.uuid(),
        statement: z.string(),
        statementSha256: sha256,
        completedAt: instant.nullable(),
        version,
      })
      .nullable(),
    signers: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string(),
        email: z.string(),
        capacity,
        signed: z.boolean(),
        signedAt: instant.nullable(),
      }),
    ),
    stillToSign: z.array(z.object({ userId: z.uuid(), name: z.string(), capacity })),
    handover: z
      .object({
        handoverDate: calendarDate,
        supportContacts: z.array(SupportContact),
        openItems: z.array(z.string()),
        recordedAt: instant,
      })
      .nullable(),
    you: z
      .object({
        canManage: z.boolean(),
        canRecordHandover: z.boolean(),
        isSigner: z.boolean(),
        hasSigned: z.boolean(),
        canSign: z.boolean(),
      })
      .meta({ description: "What the caller may do here." }),
  })
  .meta({ id: "GoLive" });

const signOffFacts = {
  signedAt: instant,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  statementSha256: sha256,
  auditHeadHash: z.string().meta({ description: "The audit chain's head hash when this signature was recorded." }),
};

export const SignOff = z
  .object({ id: z.uuid(), userId: z.uuid(), ...signOffFacts, acceptanceComplete: z.boolean() })
  .meta({ id: "SignOff" });

export const AcceptanceCertificate = z
  .object({
    project: z.object({ id: z.uuid(), name: z.string(), status: z.enum(PROJECT_STATUSES) }),
    statement: z.string(),
    statementSha256: sha256,
    status: z.enum(ACCEPTANCE_STATUSES),
    completedAt: instant.nullable(),
    signOffs: z.array(z.object({ name: z.string(), email: z.string(), capacity, ...signOffFacts })),
  })
  .meta({ id: "AcceptanceCertificate" });

const tag = "Go-live";
const goLive = "/api/v1/projects/{projectId}/go-live";
const readiness = { status: 200, description: "Readiness", schema: GoLive } as const;

export const getGoLiveOp = operation({
  id: "getGoLive",
  method: "get",
  path: goLive,
  tag,
  summary: "Go-live readiness checklist and sign-off state",
  params: projectPath,
  success: readiness,
  errors: [403],
});

export const configureAcceptanceOp = operation({
  id: "configureAcceptance",
  method: "put",
  path: `${goLive}/acceptance`,
  tag,
  summary: "Set the acceptance statement and the required signers (project manager; frozen once anyone signed)",
  params: projectPath,
  body: z.object({ expectedVersion, ...acceptanceFields }).meta({ id: "AcceptanceInput" }),
  success: readiness,
  errors: [403, 409, 422],
});

export const signGoLiveOp = operation({
  id: "signGoLive",
  method: "post",
  path: `${goLive}/sign-offs`,
  tag,
  summary: "Sign the go-live acceptance: re-enter the password and confirm the statement",
  description:
    "409 `go_live_not_ready` with the unmet checklist items in `missing` while the checklist is incomplete. " +
    "A wrong password is refused with 422 `wrong_password` and records nothing (it counts as a failed " +
    "sign-in attempt; after five, 429 `too_many_attempts` for 15 minutes).",
  params: projectPath,
  body: z.object(signOffFields).meta({ id: "SignOffInput" }),
  success: { status: 201, description: "The sign-off", schema: SignOff },
  errors: [403, 409, 422, 429],
});

export const getAcceptanceCertificateOp = operation({
  id: "getAcceptanceCertificate",
  method: "get",
  path: `${goLive}/certificate`,
  tag,
  summary: "The acceptance certificate: signers, times, statement hash, audit head hash at each signature",
  params: projectPath,
  success: { status: 200, description: "Certificate", schema: AcceptanceCertificate },
  errors: [403],
});

export const recordHandoverOp = operation({
  id: "recordHandover",
  method: "post",
  path: `${goLive}/handover`,
  tag,
  summary: "Record the handover to the helpdesk (after a complete acceptance); the project becomes live",
  params: projectPath,
  body: z.object({ ...handoverFields, openItems: handoverFields.openItems.default([]) }).meta({ id: "HandoverInput" }),
  success: { ...readiness, status: 201 },
  errors: [403, 409, 422],
});

/** What the go-live forms' actions hand to lib/data, validated by the operations' schemas. */
export const configureAcceptanceInput = actionInput(configureAcceptanceOp);
export const signGoLiveInput = actionInput(signGoLiveOp);
export const recordHandoverInput = actionInput(recordHandoverOp);

export const goLiveOperations = [
  getGoLiveOp,
  configureAcceptanceOp,
  signGoLiveOp,
  getAcceptanceCertificateOp,
  recordHandoverOp,
];
