// Publishes a domain event from inside a command's transaction: the `data` of lib/contract/events.ts
// for its type, with the project named, into the outbox (lib/data/outbox.ts).
import type { DbOrTx } from "@/db/client";
import type { EventData } from "@/lib/contract/events";
import type { PublicEventType } from "@/lib/domain/event-types";
import { emitEvent } from "./outbox";

export async function publishEvent<T extends PublicEventType>(
  tx: DbOrTx,
  type: T,
  project: { id: string; name: string },
  data: EventData<T>,
): Promise<void> {
  await emitEvent(tx, {
    type,
    projectId: project.id,
    data: { project: { id: project.id, name: project.name }, ...data },
  });
}

/** A person as events name them. */
export const personOf = (actor: { id: string; name: string }) => ({ id: actor.id, name: actor.name });
