"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { addProjectMember, removeProjectMember } from "@/lib/data/members";
import { updateProject } from "@/lib/data/projects";
import { action, formAction } from "@/lib/guard";
import { memberSchema, updateProjectSchema } from "@/lib/validation/projects";

export const updateProjectAction = formAction(updateProjectSchema, async (ctx, input) => {
  await updateProject(getDb(), ctx, input);
  revalidatePath(`/projects/${input.projectId}`, "layout");
});

export const addMemberAction = formAction(memberSchema, async (ctx, input) => {
  await addProjectMember(getDb(), ctx, input);
  revalidatePath(`/projects/${input.projectId}`, "layout");
});

export const removeMemberAction = action(memberSchema, async (ctx, input) => {
  await removeProjectMember(getDb(), ctx, input);
  revalidatePath(`/projects/${input.projectId}`, "layout");
});
