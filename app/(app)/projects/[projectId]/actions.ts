"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { addProjectMember, removeProjectMember } from "@/lib/data/members";
import { updateProject } from "@/lib/data/projects";
import { action, formAction } from "@/lib/guard";
import { memberSchema, updateProjectSchema } from "@/lib/validation/projects";

export const updateProjectAction = formAction(updateProjectSchema, (ctx, input) => {
  updateProject(getDb(), ctx, input);
  revalidatePath(`/projects/${input.projectId}`, "layout");
});

export const addMemberAction = formAction(memberSchema, (ctx, input) => {
  addProjectMember(getDb(), ctx, input);
  revalidatePath(`/projects/${input.projectId}`, "layout");
});

export const removeMemberAction = action(memberSchema, (ctx, input) => {
  removeProjectMember(getDb(), ctx, input);
  revalidatePath(`/projects/${input.projectId}`, "layout");
});
