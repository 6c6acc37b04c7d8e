"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { recordEscapedDefects, recordEvidence, selectQuality } from "@/lib/data/quality";
import { formAction } from "@/lib/guard";
import { escapedDefectsFormSchema, evidenceFormSchema, selectQualityFormSchema } from "@/lib/validation/quality";

// Used by the sprint quality panel (on the sprint page) and the quality history page.
const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export const selectQualityAction = formAction(selectQualityFormSchema, (ctx, input) => {
  const { projectId, sprintId, chosenLevel, justification, expectedSelectedAt, ...answers } = input;
  const selection = selectQuality(getDb(), ctx, {
    projectId,
    sprintId,
    answers,
    chosenLevel,
    justification,
    expectedSelectedAt,
  });
  refresh(projectId);
  return { chosenLevel: selection.chosenLevel };
});

export const recordEvidenceAction = formAction(evidenceFormSchema, async (ctx, input) => {
  const { file, ...fields } = input;
  const upload = file ? { fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) } : undefined;
  recordEvidence(getDb(), ctx, { ...fields, upload });
  refresh(input.projectId);
});

export const recordEscapedDefectsAction = formAction(escapedDefectsFormSchema, (ctx, input) => {
  recordEscapedDefects(getDb(), ctx, input);
  refresh(input.projectId);
});
