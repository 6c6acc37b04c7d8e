"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import {
  changeInterfaceStatus,
  createInterface,
  createSystem,
  deleteInterface,
  deleteSystem,
  updateInterface,
  updateSystem,
} from "@/lib/data/integration";
import { freezeIntegrationDiagram } from "@/lib/data/integration-diagram";
import { action, formAction } from "@/lib/guard";
import { uuid } from "@/lib/validation/common";
import { changeInterfaceStatusInput, createInterfaceInput, createSystemInput } from "@/lib/contract/integration";
import {
  deleteInterfaceSchema,
  deleteSystemSchema,
  updateInterfaceSchema,
  updateSystemSchema,
} from "@/lib/validation/integration";

const project = { projectId: uuid };
const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export const createSystemAction = formAction(createSystemInput, async (ctx, { projectId, ...input }) => {
  const system = await createSystem(getDb(), ctx, projectId, input);
  refresh(projectId);
  return { id: system.id };
});

export const updateSystemAction = formAction(
  updateSystemSchema.extend(project),
  async (ctx, { projectId, ...input }) => {
    await updateSystem(getDb(), ctx, projectId, input);
    refresh(projectId);
  },
);

export const deleteSystemAction = action(deleteSystemSchema.extend(project), async (ctx, { projectId, ...input }) => {
  await deleteSystem(getDb(), ctx, projectId, input);
  refresh(projectId);
});

export const createInterfaceAction = formAction(createInterfaceInput, async (ctx, { projectId, ...input }) => {
  const row = await createInterface(getDb(), ctx, projectId, input);
  refresh(projectId);
  return { id: row.id };
});

export const updateInterfaceAction = formAction(
  updateInterfaceSchema.extend(project),
  async (ctx, { projectId, ...input }) => {
    await updateInterface(getDb(), ctx, projectId, input);
    refresh(projectId);
  },
);

export const changeInterfaceStatusAction = formAction(
  changeInterfaceStatusInput,
  async (ctx, { projectId, ...input }) => {
    const row = await changeInterfaceStatus(getDb(), ctx, projectId, input);
    refresh(projectId);
    return { status: row.status };
  },
);

export const deleteInterfaceAction = action(
  deleteInterfaceSchema.extend(project),
  async (ctx, { projectId, ...input }) => {
    await deleteInterface(getDb(), ctx, projectId, input);
    refresh(projectId);
  },
);

export const freezeDiagramAction = action(z.object({ projectId: uuid }), async (ctx, { projectId }) => {
  const frozen = await freezeIntegrationDiagram(getDb(), ctx, projectId);
  refresh(projectId);
  return frozen;
});
