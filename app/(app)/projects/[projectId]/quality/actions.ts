"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { recordEscapedDefects, recordEvidence, selectQuality } from "@/lib/data/quality";
import { recordReleaseEvidence, selectReleaseQuality } from "@/lib/data/release-quality";
import { formAction } from "@/lib/guard";
import { escapedDefectsInput } from "@/lib/contract/quality";
import {
  evidenceFormSchema,
  releaseEvidenceFormSchema,
  selectQualityFormSchema,
  selectReleaseQualityFormSchema,
} from "@/lib/validation/quality";

// Used by the sprint quality panel (on the sprint page) and the quality page (history and releases).
const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export const selectQualityAction = formAction(selectQualityFormSchema, async (ctx, input) => {
  const { projectId, sprintId, chosenLevel, justification, expectedSelectedAt, ...answers } = input;
  const selection = await selectQuality(getDb(), ctx, {
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
  await recordEvidence(getDb(), ctx, { ...fields, upload });
  refresh(input.projectId);
});

export const recordEscapedDefectsAction = formAction(escapedDefectsInput, async (ctx, input) => {
  await recordEscapedDefects(getDb(), ctx, input);
  refresh(input.projectId);
});

export const selectReleaseQualityAction = formAction(selectReleaseQualityFormSchema, async (ctx, input) => {
  const { projectId, releaseId, chosenLevel, justification, expectedSelectedAt, ...answers } = input;
  const selection = await selectReleaseQuality(getDb(), ctx, {
    projectId,
    releaseId,
    answers,
    chosenLevel,
    justification,
    expectedSelectedAt,
  });
  refresh(projectId);
  return { chosenLevel: selection.chosenLevel };
});

export const recordReleaseEvidenceAction = formAction(releaseEvidenceFormSchema, async (ctx, input) => {
  const { file, ...fields } = input;
  const upload = file ? { fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) } : undefined;
  await recordReleaseEvidence(getDb(), ctx, { ...fields, upload });
  refresh(input.projectId);
});
