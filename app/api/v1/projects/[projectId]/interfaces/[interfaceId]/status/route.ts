import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { changeInterfaceStatusOp } from "@/lib/contract/integration";
import { changeInterfaceStatus } from "@/lib/data/integration";
import { interfaceView } from "@/lib/data/integration-views";

export const POST = route(changeInterfaceStatusOp, async ({ ctx, params, body }) =>
  interfaceView(
    await changeInterfaceStatus(getDb(), ctx, params.projectId, { ...body, interfaceId: params.interfaceId }),
  ),
);
