// A fresh world for each HTTP test: a migrated database, the usual cast (makeWorld) and an API
// client on that database.
import type { Db } from "@/db/client";
import { apiClient } from "./api";
import { createTestDb, makeWorld } from "./fixtures";

export type ApiWorld = { db: Db; world: Awaited<ReturnType<typeof makeWorld>>; api: ReturnType<typeof apiClient> };

/**
 * A test file declares `let { db, world, api } = {} as ApiWorld;` and refills it before each test:
 * `beforeEach(async () => ({ db, world, api } = await apiWorld()));`.
 */
export async function apiWorld(): Promise<ApiWorld> {
  const db = await createTestDb();
  return { db, world: await makeWorld(db), api: apiClient(db) };
}
