// Starts the delivery worker of this server process on the app's database (instrumentation.ts).
import { getDb } from "@/db/client";
import { channels } from "./channels";
import { startOutboxWorker } from "./worker";

export function startServerOutbox(): void {
  startOutboxWorker(getDb(), channels);
}
