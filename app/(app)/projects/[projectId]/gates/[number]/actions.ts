"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { addArtifactVersion } from "@/lib/data/artifacts";
import { removeBoardSeat, setBoardSeat, setPlannedDate } from "@/lib/data/gate-board";
import { castVote, decideGate, meetCondition, submitGate } from "@/lib/data/gates";
import { reviewArtifact } from "@/lib/data/artifacts";
import { action, formAction } from "@/lib/guard";
import { reviewSchema, versionFormSchema } from "@/lib/validation/artifacts";
import { expectedVersion, uuid } from "@/lib/validation/common";
import {
  boardSeatSchema,
  decisionSchema,
  gateNumber,
  meetConditionSchema,
  plannedDateSchema,
  removeBoardSeatSchema,
  voteSchema,
} from "@/lib/validation/gates";

const onGate = z.object({ projectId: uuid, number: gateNumber });
const onArtifact = z.object({ projectId: uuid, number: gateNumber, artifactId: uuid });

function refresh(projectId: string) {
  // The project header (current gate, status) and the gate pages all change together.
  revalidatePath(`/projects/${projectId}`, "layout");
  revalidatePath("/reviews");
}

export const submitGateAction = action(onGate.extend({ expectedVersion }), async (ctx, input) => {
  await submitGate(getDb(), ctx, input);
  refresh(input.projectId);
});

export const voteAction = formAction(onGate.extend(voteSchema.shape), async (ctx, input) => {
  await castVote(getDb(), ctx, input);
  refresh(input.projectId);
});

export const decideAction = action(onGate.extend(decisionSchema.shape), async (ctx, input) => {
  await decideGate(getDb(), ctx, input);
  refresh(input.projectId);
});

export const addVersionAction = formAction(z.intersection(onArtifact, versionFormSchema), async (ctx, input) => {
  const source =
    input.kind === "file"
      ? { kind: "file" as const, fileName: input.file.name, bytes: Buffer.from(await input.file.arrayBuffer()) }
      : input.kind === "url"
        ? { kind: "url" as const, url: input.url }
        : { kind: "markdown" as const, markdown: input.markdown };
  await addArtifactVersion(getDb(), ctx, {
    projectId: input.projectId,
    artifactId: input.artifactId,
    source,
    note: input.note,
  });
  refresh(input.projectId);
});

export const reviewAction = formAction(onArtifact.extend(reviewSchema.shape), async (ctx, input) => {
  await reviewArtifact(getDb(), ctx, input);
  refresh(input.projectId);
});

export const boardSeatAction = formAction(onGate.extend(boardSeatSchema.shape), async (ctx, input) => {
  await setBoardSeat(getDb(), ctx, input);
  refresh(input.projectId);
});

export const toggleRequiredAction = action(
  onGate.extend({ userId: uuid, required: z.boolean() }),
  async (ctx, input) => {
    await setBoardSeat(getDb(), ctx, input);
    refresh(input.projectId);
  },
);

export const removeBoardSeatAction = action(onGate.extend(removeBoardSeatSchema.shape), async (ctx, input) => {
  await removeBoardSeat(getDb(), ctx, input);
  refresh(input.projectId);
});

export const plannedDateAction = formAction(onGate.extend(plannedDateSchema.shape), async (ctx, input) => {
  await setPlannedDate(getDb(), ctx, input);
  refresh(input.projectId);
});

export const meetConditionAction = action(
  z.object({ projectId: uuid }).extend(meetConditionSchema.shape),
  async (ctx, input) => {
    await meetCondition(getDb(), ctx, input);
    refresh(input.projectId);
  },
);
