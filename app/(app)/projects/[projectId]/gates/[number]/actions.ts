"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { addArtifactVersion } from "@/lib/data/artifacts";
import { removeBoardSeat, setBoardSeat, setPlannedDate } from "@/lib/data/gate-board";
import { castVote, decideGate, meetCondition, submitGate } from "@/lib/data/gates";
import { reviewArtifact } from "@/lib/data/artifacts";
import { action, formAction } from "@/lib/guard";
import { reviewArtifactInput } from "@/lib/contract/artifacts";
import {
  castVoteInput,
  decideGateInput,
  meetConditionInput,
  planGateInput,
  removeBoardSeatInput,
  seatBoardMemberInput,
  submitGateInput,
} from "@/lib/contract/gates";
import { versionFormSchema } from "@/lib/validation/artifacts";
import { uuid } from "@/lib/validation/common";
import { gateNumber } from "@/lib/validation/gates";

const onArtifact = z.object({ projectId: uuid, number: gateNumber, artifactId: uuid });

function refresh(projectId: string) {
  // The project header (current gate, status) and the gate pages all change together.
  revalidatePath(`/projects/${projectId}`, "layout");
  revalidatePath("/reviews");
}

export const submitGateAction = action(submitGateInput, async (ctx, input) => {
  await submitGate(getDb(), ctx, input);
  refresh(input.projectId);
});

export const voteAction = formAction(castVoteInput, async (ctx, input) => {
  await castVote(getDb(), ctx, input);
  refresh(input.projectId);
});

export const decideAction = action(decideGateInput, async (ctx, input) => {
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

export const reviewAction = formAction(reviewArtifactInput, async (ctx, input) => {
  await reviewArtifact(getDb(), ctx, input);
  refresh(input.projectId);
});

export const boardSeatAction = formAction(seatBoardMemberInput, async (ctx, input) => {
  await setBoardSeat(getDb(), ctx, input);
  refresh(input.projectId);
});

export const toggleRequiredAction = action(seatBoardMemberInput, async (ctx, input) => {
  await setBoardSeat(getDb(), ctx, input);
  refresh(input.projectId);
});

export const removeBoardSeatAction = action(removeBoardSeatInput, async (ctx, input) => {
  await removeBoardSeat(getDb(), ctx, input);
  refresh(input.projectId);
});

export const plannedDateAction = formAction(planGateInput, async (ctx, input) => {
  await setPlannedDate(getDb(), ctx, input);
  refresh(input.projectId);
});

export const meetConditionAction = action(meetConditionInput, async (ctx, input) => {
  await meetCondition(getDb(), ctx, input);
  refresh(input.projectId);
});
