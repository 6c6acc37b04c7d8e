// Webhook endpoints (issue 16, item 2): registered by administrators (for every project or one)
// and by project managers (for the projects they manage), their delivery log, a test event, a
// resend, and the secret's rotation. Deliveries are signed per Standard Webhooks; the shape of each
// event's POST is in the document's top-level `webhooks` section (`webhookPayloads`).
import { z } from "zod";
import { EVENT_DATA, eventProject } from "./events";
import { PUBLIC_EVENT_TYPES } from "@/lib/domain/event-types";
import { id, instant, pageOf, pageQuery } from "./shared";
import { operation } from "./operation";

const TAG = "Webhooks";

export const webhookPath = z.object({ webhookId: id("webhook") });

export const Webhook = z
  .object({
    id: z.uuid(),
    url: z.string().meta({ description: "Where deliveries are POSTed." }),
    description: z.string(),
    events: z
      .array(z.string())
      .meta({ description: 'The event types it receives (`GET /api/v1/webhooks/event-types`), or ["*"] for all.' }),
    projectId: z.uuid().nullable().meta({ description: "Its project; null for every project its owner may see." }),
    projectName: z.string().nullable(),
    ownerId: z.uuid().meta({ description: "Who registered it: deliveries follow what this account may see." }),
    ownerName: z.string().nullable(),
    createdAt: instant,
    disabledAt: instant.nullable().meta({ description: "Set when deliveries stopped; enable it again to resume." }),
    disabledReason: z
      .enum(["gone", "failing"])
      .nullable()
      .meta({ description: "`gone`: it answered 410. `failing`: no delivery succeeded for a day." }),
    previousSecretUntil: instant
      .nullable()
      .meta({ description: "After a rotation, until when the previous secret still signs beside the new one." }),
  })
  .meta({ id: "Webhook" });

const secret = z
  .string()
  .regex(/^whsec_/)
  .meta({ description: "The signing secret, `whsec_` + base64: shown in this answer only, never again." });

export const WebhookWithSecret = Webhook.extend({ secret }).meta({ id: "WebhookWithSecret" });

export const webhookBody = z.object({
  url: z.string().max(2000).meta({
    description: "An http(s) URL whose name resolves to public addresses only.",
    example: "https://hooks.example.com/lightgate",
  }),
  events: z
    .array(z.string().max(100))
    .max(100)
    .meta({
      description: 'Event types to receive, or ["*"] for all of them.',
      example: ["gate.submitted", "gate.decided"],
    }),
  projectId: z
    .uuid("Unknown project.")
    .nullish()
    .meta({ description: "The project; required for a project manager. Administrators may omit it: every project." }),
  description: z
    .string()
    .max(500)
    .optional()
    .meta({ description: "What the endpoint is for, for whoever reads the list." }),
});

export const WebhookAttempt = z
  .object({
    attempt: z.number().int().meta({ description: "1 for the first attempt." }),
    at: instant,
    statusCode: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The endpoint's HTTP status; null without an answer." }),
    durationMs: z.number().int(),
    error: z.string().nullable(),
  })
  .meta({ id: "WebhookAttempt" });

export const WebhookDelivery = z
  .object({
    id: z.uuid(),
    messageId: z.string().meta({ description: "The `webhook-id` header: `msg_` + the delivery id, on every attempt." }),
    eventId: z.uuid(),
    eventType: z.string(),
    occurredAt: instant,
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: instant.nullable().meta({ description: "When it is tried next, while pending." }),
    createdAt: instant,
    deliveredAt: instant.nullable(),
    attemptLog: z.array(WebhookAttempt).meta({ description: "Every attempt, the latest first." }),
  })
  .meta({ id: "WebhookDelivery" });

export const EventTypeInfo = z.object({ type: z.string(), description: z.string() }).meta({ id: "WebhookEventType" });

export const listWebhooksOp = operation({
  id: "listWebhooks",
  method: "get",
  path: "/api/v1/webhooks",
  tag: TAG,
  summary: "The webhook endpoints the caller manages, newest first (never their secrets)",
  description:
    "Administrators see every endpoint; project managers those of the projects they manage and their own. " +
    "`projectId` narrows the list to one project.",
  query: z.object({ projectId: id("project").optional() }),
  success: { status: 200, description: "The endpoints", schema: z.object({ items: z.array(Webhook) }) },
});

export const registerWebhookOp = operation({
  id: "registerWebhook",
  method: "post",
  path: "/api/v1/webhooks",
  tag: TAG,
  summary: "Register a webhook endpoint; its secret is in this answer only",
  description:
    "422 when the URL is not http(s), when its name does not resolve or resolves to a loopback, link-local, " +
    "private or otherwise refused address, when an event type is unknown (named in `errors.events`) or none is " +
    "given, and when `projectId` is missing (project managers), unknown or not managed by the caller.",
  body: webhookBody,
  success: { status: 201, description: "Registered", schema: WebhookWithSecret },
  errors: [403],
});

export const listWebhookEventTypesOp = operation({
  id: "listWebhookEventTypes",
  method: "get",
  path: "/api/v1/webhooks/event-types",
  tag: TAG,
  summary: 'The event types a webhook may subscribe to ("*" subscribes to all of them)',
  success: { status: 200, description: "The event types", schema: z.object({ items: z.array(EventTypeInfo) }) },
});

export const getWebhookOp = operation({
  id: "getWebhook",
  method: "get",
  path: "/api/v1/webhooks/{webhookId}",
  tag: TAG,
  summary: "One webhook endpoint",
  params: webhookPath,
  success: { status: 200, description: "The endpoint", schema: Webhook },
});

export const deleteWebhookOp = operation({
  id: "deleteWebhook",
  method: "delete",
  path: "/api/v1/webhooks/{webhookId}",
  tag: TAG,
  summary: "Delete a webhook endpoint, with its delivery log and anything not yet delivered",
  params: webhookPath,
  success: { status: 204, description: "Deleted" },
});

export const rotateWebhookSecretOp = operation({
  id: "rotateWebhookSecret",
  method: "post",
  path: "/api/v1/webhooks/{webhookId}/rotate-secret",
  tag: TAG,
  summary: "A new signing secret; the previous one keeps signing beside it for 24 hours",
  params: webhookPath,
  success: {
    status: 200,
    description: "The new secret, shown once",
    schema: z.object({ secret, previousSecretUntil: instant }).meta({ id: "RotatedWebhookSecret" }),
  },
});

export const enableWebhookOp = operation({
  id: "enableWebhook",
  method: "post",
  path: "/api/v1/webhooks/{webhookId}/enable",
  tag: TAG,
  summary: "Resume deliveries to an endpoint that was disabled (410, or a day of failures)",
  params: webhookPath,
  success: { status: 200, description: "The endpoint, enabled", schema: Webhook },
});

export const testWebhookOp = operation({
  id: "testWebhook",
  method: "post",
  path: "/api/v1/webhooks/{webhookId}/test",
  tag: TAG,
  summary: "Send a `webhook.test` event to this endpoint only; it shows in the delivery log within seconds",
  params: webhookPath,
  success: {
    status: 200,
    description: "Queued",
    schema: z.object({ eventId: z.uuid() }).meta({ id: "WebhookTestQueued" }),
  },
  errors: [409],
});

export const listWebhookDeliveriesOp = operation({
  id: "listWebhookDeliveries",
  method: "get",
  path: "/api/v1/webhooks/{webhookId}/deliveries",
  tag: TAG,
  summary: "The endpoint's deliveries, newest first, each with its attempts",
  params: webhookPath,
  query: pageQuery(20),
  success: { status: 200, description: "A page of deliveries", schema: pageOf(WebhookDelivery) },
});

export const resendWebhookDeliveryOp = operation({
  id: "resendWebhookDelivery",
  method: "post",
  path: "/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/resend",
  tag: TAG,
  summary: "Send a delivery again, with the same `webhook-id`",
  params: webhookPath.extend({ deliveryId: id("delivery") }),
  success: { status: 204, description: "Queued again" },
  errors: [409],
});

export const webhookOperations = [
  listWebhooksOp,
  registerWebhookOp,
  listWebhookEventTypesOp,
  getWebhookOp,
  deleteWebhookOp,
  rotateWebhookSecretOp,
  enableWebhookOp,
  testWebhookOp,
  listWebhookDeliveriesOp,
  resendWebhookDeliveryOp,
];

const SIGNATURE_HEADERS = {
  "webhook-id": z.string().meta({ description: "`msg_` + the delivery id: the same on every retry and resend." }),
  "webhook-timestamp": z.string().meta({ description: "Unix seconds of this attempt." }),
  "webhook-signature": z.string().meta({
    description:
      "`v1,<base64 HMAC-SHA256 of id.timestamp.body>` keyed with the secret's bytes (the base64 after `whsec_`); " +
      "two space-separated signatures for 24 hours after a rotation.",
  }),
};

function payload(type: string, description: string, data: z.ZodType) {
  return {
    post: {
      summary: type,
      description,
      requestParams: { header: z.object(SIGNATURE_HEADERS) },
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              type: z.literal(type),
              timestamp: instant.meta({ description: "When the event happened." }),
              data,
            }),
          },
        },
      },
      responses: {
        "200": { description: "Any 2xx: delivered. 410 disables the endpoint; anything else is retried for a day." },
      },
    },
  };
}

/** The document's top-level `webhooks`: one POST per public event type, and the test event. */
export function webhookPayloads() {
  return {
    ...Object.fromEntries(
      PUBLIC_EVENT_TYPES.map((e) => [
        e.type,
        payload(e.type, e.description, EVENT_DATA[e.type].extend({ project: eventProject })),
      ]),
    ),
    "webhook.test": payload(
      "webhook.test",
      "Sent on request (`POST /api/v1/webhooks/{webhookId}/test`) to one endpoint only.",
      z.object({
        webhookId: z.uuid(),
        url: z.string(),
        message: z.string(),
        requestedBy: z.object({ id: z.uuid(), name: z.string() }),
      }),
    ),
  };
}
