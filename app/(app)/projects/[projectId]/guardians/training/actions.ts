"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { enrolAttendees, recordAttendance } from "@/lib/data/training-attendance";
import { addMaterialFile, addMaterialLink, createModule, updateModule } from "@/lib/data/training-modules";
import { cancelSession, scheduleSession } from "@/lib/data/training-sessions";
import { z } from "zod";
import { action, formAction } from "@/lib/guard";
import { uuid } from "@/lib/validation/common";
import {
  addMaterialLinkInput,
  createModuleInput,
  enrolAttendeesInput,
  recordAttendanceInput,
  scheduleSessionInput,
} from "@/lib/contract/training";
import { addMaterialFileSchema, updateModuleSchema } from "@/lib/validation/readiness";

// Training changes move guardian statuses: refresh every page that shows them.
const refresh = (projectId: string) => {
  revalidatePath(`/projects/${projectId}/guardians`, "layout");
  revalidatePath(`/projects/${projectId}/escalations`);
  revalidatePath(`/projects/${projectId}/go-live`);
};

export const createModuleAction = formAction(createModuleInput, async (ctx, input) => {
  await createModule(getDb(), ctx, input);
  refresh(input.projectId);
});

export const updateModuleAction = formAction(updateModuleSchema, async (ctx, input) => {
  await updateModule(getDb(), ctx, input);
  refresh(input.projectId);
});

export const addMaterialLinkAction = formAction(addMaterialLinkInput, async (ctx, input) => {
  await addMaterialLink(getDb(), ctx, input);
  refresh(input.projectId);
});

export const addMaterialFileAction = formAction(addMaterialFileSchema, async (ctx, input) => {
  const bytes = Buffer.from(await input.file.arrayBuffer());
  await addMaterialFile(getDb(), ctx, {
    projectId: input.projectId,
    moduleId: input.moduleId,
    title: input.title,
    fileName: input.file.name,
    bytes,
  });
  refresh(input.projectId);
});

export const scheduleSessionAction = formAction(scheduleSessionInput, async (ctx, input) => {
  await scheduleSession(getDb(), ctx, input);
  refresh(input.projectId);
});

export const enrolAttendeesAction = formAction(enrolAttendeesInput, async (ctx, input) => {
  await enrolAttendees(getDb(), ctx, input);
  refresh(input.projectId);
});

export const recordAttendanceAction = action(recordAttendanceInput, async (ctx, input) => {
  const result = await recordAttendance(getDb(), ctx, input);
  refresh(input.projectId);
  return result;
});

export const cancelSessionAction = action(z.object({ projectId: uuid, sessionId: uuid }), async (ctx, input) => {
  await cancelSession(getDb(), ctx, input);
  refresh(input.projectId);
});
