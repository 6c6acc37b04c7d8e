// A pooled connection's socket lives in the context it was opened in. db/postgres.ts opens it in the
// server's start-up context (recorded by instrumentation.ts), so a page that happened to need a new
// connection is not kept alive by it for as long as the connection lives.
import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { DetachedClient } from "@/db/postgres";
import { createTestDb, testDatabaseUrl } from "@/lib/testing/fixtures";

const page = new AsyncLocalStorage<{ page: string }>();
const shared = globalThis as { lightgateStartupContext?: unknown };

afterEach(() => {
  delete shared.lightgateStartupContext;
});

/** The store the socket's own events see, after it was opened while a page was rendering. */
async function storeSeenBySocket(): Promise<unknown> {
  const client = new DetachedClient({ connectionString: testDatabaseUrl(await createTestDb()) });
  await page.run({ page: "/dashboard" }, () => client.connect());
  try {
    let seen: unknown = "no data";
    const socket = (client as unknown as { connection: { stream: NodeJS.EventEmitter } }).connection.stream;
    socket.on("data", () => (seen = page.getStore()));
    await page.run({ page: "/later" }, () => client.query("select 1"));
    return seen;
  } finally {
    await client.end();
  }
}

describe("pooled connections", () => {
  it("open their socket in the start-up context when the server recorded one", async () => {
    shared.lightgateStartupContext = AsyncLocalStorage.snapshot();
    expect(await storeSeenBySocket()).toBeUndefined();
  });

  it("keep the opening page's context otherwise (what the start-up context prevents)", async () => {
    expect(await storeSeenBySocket()).toEqual({ page: "/dashboard" });
  });
});
