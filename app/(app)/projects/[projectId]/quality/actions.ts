"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { recordEscapedDefects, recordEvidence, selectQuality } from "@/lib/data/quality";
import { recordReleaseEvidence, selectReleaseQuality } from "@/lib/data/release-quality";
import { formAction } from "@/lib/guard";
import {
  escapedDefectsFormSchema,
  evidenceFormSchema,
  releaseEvidenceFormSchema,
  selectQualityFormSchema,
  selectReleaseQualityFormSchema,
} from "@/lib/validation/quality";

// Used by the sprint quality panel (on the sprint page) and the quality page (history and releases).
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

export const selectReleaseQualityAction = formAction(selectReleaseQualityFormSchema, (ctx, input) => {
  const { projectId, releaseId, chosenLevel, justification, expectedSelectedAt, ...answers } = input;
  const selection = selectReleaseQuality(getDb(), ctx, { projectId, releaseId, answers, chosenLevel, justification, expectedSelectedAt });
  refresh(projectId);
  return { chosenLevel: selection.chosenLevel };
});

export const recordReleaseEvidenceAction = formAction(releaseEvidenceFormSchema, async (ctx, input) => {
  const { file, ...fields } = input;
  const upload = file ? { fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) } : undefined;
  recordReleaseEvidence(getDb(), ctx, { ...fields, upload });
  refresh(input.projectId);
});
