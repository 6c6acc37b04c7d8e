import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { changeInterfaceStatus } from "@/lib/data/integration";
import { interfaceView } from "@/lib/data/integration-views";
import { changeInterfaceStatusSchema } from "@/lib/validation/integration";

const body = changeInterfaceStatusSchema
  .omit({ interfaceId: true })
  .extend({ reason: z.string().trim().max(1000).default("") });

export const POST = apiRoute<{ projectId: string; interfaceId: string }>(
  async (request, ctx, { projectId, interfaceId }) => {
    const input = await readJson(request, body);
    return interfaceView(await changeInterfaceStatus(getDb(), ctx, projectId, { ...input, interfaceId }));
  },
);
