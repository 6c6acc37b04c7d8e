import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { createSystemOp, listSystemsOp } from "@/lib/contract/integration";
import { pageOf } from "@/lib/data/cursor";
import { createSystem, pageSystems, registryCursorKey } from "@/lib/data/integration";
import { systemView } from "@/lib/data/integration-views";

export const GET = route(listSystemsOp, async ({ ctx, params, query }) =>
  pageOf(await pageSystems(getDb(), ctx.actor, params.projectId, query), query.limit, registryCursorKey, systemView),
);

export const POST = route(createSystemOp, async ({ ctx, params, body }) =>
  systemView(await createSystem(getDb(), ctx, params.projectId, body)),
);
