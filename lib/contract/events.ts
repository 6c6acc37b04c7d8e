// The `data` of each event that leaves the app (webhooks, issue 16): small, stable, in the API's
// field names, naming the objects by id so an integrator fetches more through the API when needed.
// The OpenAPI document publishes them (its `webhooks` section); lib/data/domain-events.ts types
// every emit against them.
import { z } from "zod";
import {
  ARTIFACT_STATUSES,
  ESCALATION_SEVERITIES,
  ESCALATION_STATUSES,
  GATE_STATUSES,
  MILESTONE_STATUSES,
  REVIEW_DECISIONS,
  SIGNER_CAPACITIES,
  SPRINT_STATUSES,
  VALIDATION_ENVIRONMENTS,
  VALIDATION_RUN_STATUSES,
  VOTES,
} from "@/db/enums";
import type { PublicEventType } from "@/lib/domain/event-types";
import { calendarDate, instant } from "./shared";

const person = z.object({ id: z.uuid(), name: z.string() }).meta({ description: "Who did it." });
/** The project every public event is about. */
export const eventProject = z.object({ id: z.uuid(), name: z.string() }).meta({ description: "The project." });
const gateRef = z.object({ id: z.uuid(), number: z.number().int() });
const gate = gateRef.extend({ name: z.string(), status: z.enum(GATE_STATUSES), round: z.number().int() });
const artifact = z.object({ id: z.uuid(), title: z.string(), status: z.enum(ARTIFACT_STATUSES) });
const sprint = z.object({ id: z.uuid(), number: z.number().int(), goal: z.string(), status: z.enum(SPRINT_STATUSES) });
const milestone = z.object({
  id: z.uuid(),
  sprintId: z.uuid(),
  status: z.enum(MILESTONE_STATUSES),
  amount: z.number().int().meta({ description: "In minor units (cents) of `currency`." }),
  currency: z.string(),
  invoiceReference: z.string().nullable(),
});
const escalation = z.object({
  id: z.uuid(),
  title: z.string(),
  severity: z.enum(ESCALATION_SEVERITIES),
  status: z.enum(ESCALATION_STATUSES),
});

/** Every public event's data, by type. Each also carries `project`. */
export const EVENT_DATA = {
  "gate.submitted": z.object({ gate: gate.extend({ submittedAt: instant }), submittedBy: person }),
  "gate.voted": z.object({
    gate,
    vote: z.object({ userId: z.uuid(), name: z.string(), vote: z.enum(VOTES), rationale: z.string(), at: instant }),
  }),
  "gate.decided": z.object({
    gate: gate.extend({ decidedAt: instant }),
    decision: z.enum(VOTES),
    decisionRationale: z.string(),
    decidedBy: person,
  }),
  "artifact.version_added": z.object({
    gate: gateRef,
    artifact,
    version: z.object({ id: z.uuid(), number: z.number().int(), kind: z.string(), submittedAt: instant }),
    submittedBy: person,
  }),
  "artifact.reviewed": z.object({
    gate: gateRef,
    artifact,
    review: z.object({ id: z.uuid(), versionId: z.uuid(), decision: z.enum(REVIEW_DECISIONS), comment: z.string() }),
    reviewedBy: person,
  }),
  "sprint.accepted": z.object({ sprint, decidedBy: person, comment: z.string() }),
  "sprint.rejected": z.object({ sprint, decidedBy: person, comment: z.string() }),
  "milestone.billable": z.object({ milestone, by: person }),
  "milestone.invoiced": z.object({ milestone, by: person }),
  "escalation.raised": z.object({ escalation, raisedBy: person }),
  "escalation.resolved": z.object({ escalation, resolvedBy: person }),
  "validation_run.closed": z.object({
    run: z.object({
      id: z.uuid(),
      environment: z.enum(VALIDATION_ENVIRONMENTS),
      status: z.enum(VALIDATION_RUN_STATUSES),
      closingNote: z.string().nullable(),
    }),
    closedBy: person,
  }),
  "go_live.signed": z.object({
    signature: z.object({ signerId: z.uuid(), name: z.string(), capacity: z.enum(SIGNER_CAPACITIES), at: instant }),
    complete: z.boolean().meta({ description: "Whether this was the last signature needed." }),
  }),
  "go_live.completed": z.object({ wentLiveOn: calendarDate.nullable(), completedAt: instant }),
  "helpdesk.handed_over": z.object({
    handover: z.object({
      id: z.uuid(),
      handoverDate: calendarDate,
      openItems: z.number().int().meta({ description: "How many items are still open at the handover." }),
    }),
    recordedBy: person,
    recordedAt: instant,
  }),
} satisfies Record<PublicEventType, z.ZodObject>;

export type EventData<T extends PublicEventType> = z.input<(typeof EVENT_DATA)[T]>;
