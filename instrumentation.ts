// Runs once when a server process starts (Next.js instrumentation), before any request: it stops
// ran immediates from keeping their requests (lib/immediate-context.ts), records the start-up
// context for the database's connections (db/postgres.ts), and starts the outbox's delivery
// worker, which lives in every server process, so webhooks and email go out without a separate
// service.
// LIGHTGATE_OUTBOX_WORKER=0 leaves a process out (instances behind a load balancer may all run it:
// they share the work through their database).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request: a ran setImmediate must not keep its request alive (lib/immediate-context.ts).
  const { releaseContextOfRanImmediates } = await import("./lib/immediate-context");
  releaseContextOfRanImmediates();
  // The context before any request: database connections open their sockets in it (db/postgres.ts).
  const { AsyncLocalStorage } = await import("node:async_hooks");
  (globalThis as { lightgateStartupContext?: unknown }).lightgateStartupContext = AsyncLocalStorage.snapshot();
  if (process.env.LIGHTGATE_OUTBOX_WORKER === "0") return;
  const { startServerOutbox } = await import("./lib/outbox/start");
  startServerOutbox();
}
