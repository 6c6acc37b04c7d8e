import { route } from "@/lib/api";
import { listWebhookEventTypesOp } from "@/lib/contract/webhooks";
import { PUBLIC_EVENT_TYPES } from "@/lib/domain/event-types";

export const GET = route(listWebhookEventTypesOp, async () => ({
  items: PUBLIC_EVENT_TYPES.map(({ type, description }) => ({ type, description })),
}));
