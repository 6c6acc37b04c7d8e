"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { configureAcceptance } from "@/lib/data/go-live-acceptance";
import { recordHandover } from "@/lib/data/go-live-handover";
import { signGoLive } from "@/lib/data/go-live-sign-off";
import { formAction } from "@/lib/guard";
import { configureAcceptanceInput, signGoLiveInput } from "@/lib/contract/go-live";
import { handoverFormSchema } from "@/lib/validation/go-live";

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

/** The form sends signers as "capacity:userId" checkbox values; the rest is the operation's input. */
const configureFormSchema = z.preprocess((form) => {
  const { signers, ...rest } = form as Record<string, unknown>;
  const values: unknown[] = signers === undefined ? [] : Array.isArray(signers) ? signers : [signers];
  return {
    ...rest,
    signers: values.map((value) => {
      const [capacity, userId] = String(value).split(":");
      return { capacity, userId };
    }),
  };
}, configureAcceptanceInput);

export const configureAcceptanceAction = formAction(configureFormSchema, async (ctx, input) => {
  await configureAcceptance(getDb(), ctx, input);
  refresh(input.projectId);
});

export const signGoLiveAction = formAction(signGoLiveInput, async (ctx, input) => {
  const { complete } = await signGoLive(getDb(), ctx, input);
  refresh(input.projectId);
  return { complete };
});

export const recordHandoverAction = formAction(handoverFormSchema, async (ctx, input) => {
  await recordHandover(getDb(), ctx, input);
  refresh(input.projectId);
});
