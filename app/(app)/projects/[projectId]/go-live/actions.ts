"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { configureAcceptance } from "@/lib/data/go-live-acceptance";
import { recordHandover } from "@/lib/data/go-live-handover";
import { signGoLive } from "@/lib/data/go-live-sign-off";
import { formAction } from "@/lib/guard";
import { configureAcceptanceSchema, handoverFormSchema, signOffSchema } from "@/lib/validation/go-live";

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

/** The form sends signers as "capacity:userId" checkbox values. */
const configureFormSchema = z
  .object({ signers: z.union([z.string(), z.array(z.string())]).optional() })
  .passthrough()
  .transform(({ signers, ...rest }) => ({
    ...rest,
    signers: (signers === undefined ? [] : Array.isArray(signers) ? signers : [signers]).map((value) => {
      const [capacity, userId] = value.split(":");
      return { capacity, userId };
    }),
  }))
  .pipe(configureAcceptanceSchema);

export const configureAcceptanceAction = formAction(configureFormSchema, async (ctx, input) => {
  await configureAcceptance(getDb(), ctx, input);
  refresh(input.projectId);
});

export const signGoLiveAction = formAction(signOffSchema, async (ctx, input) => {
  const { complete } = await signGoLive(getDb(), ctx, input);
  refresh(input.projectId);
  return { complete };
});

export const recordHandoverAction = formAction(handoverFormSchema, async (ctx, input) => {
  await recordHandover(getDb(), ctx, input);
  refresh(input.projectId);
});
