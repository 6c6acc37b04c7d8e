"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createProject } from "@/lib/data/projects";
import { formAction } from "@/lib/guard";
import { createProjectSchema } from "@/lib/validation/projects";

const create = formAction(createProjectSchema, async (ctx, input) => (await createProject(getDb(), ctx, input)).id);

export async function createProjectAction(...args: Parameters<typeof create>) {
  const state = await create(...args);
  if (state.ok && state.data) redirect(`/projects/${state.data}`);
  return state;
}
