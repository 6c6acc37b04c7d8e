import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { createInterfaceOp, listInterfacesOp } from "@/lib/contract/integration";
import { pageOf } from "@/lib/data/cursor";
import { createInterface, pageInterfaces, registryCursorKey } from "@/lib/data/integration";
import { interfaceView } from "@/lib/data/integration-views";

export const GET = route(listInterfacesOp, async ({ ctx, params, query }) =>
  pageOf(
    await pageInterfaces(getDb(), ctx.actor, params.projectId, query),
    query.limit,
    registryCursorKey,
    interfaceView,
  ),
);

export const POST = route(createInterfaceOp, async ({ ctx, params, body }) =>
  interfaceView(await createInterface(getDb(), ctx, params.projectId, body)),
);
