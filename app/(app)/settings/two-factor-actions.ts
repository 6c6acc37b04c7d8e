"use server";

// The person's own two-factor sign-in (Settings, and the set-up page the policy sends an account to).
// These actions accept an account the policy still holds at enrolment (lib/session.ts currentActor
// refuses it): enrolling is the one thing it may do.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { RequestContext } from "@/lib/audit";
import { confirmEnrolment, regenerateRecoveryCodes, startEnrolment, turnOffTwoFactor } from "@/lib/data/two-factor";
import { AppError, fieldErrorsIn, messageIn } from "@/lib/errors";
import { fieldErrorsOf, formDataToObject, type FormState } from "@/lib/guard";
import { problemSentence, requestWords } from "@/lib/refusal-words";
import { currentAccount, requestContext } from "@/lib/session";
import { parseIn } from "@/lib/validation/in-language";
import { presenceProofSchema } from "@/lib/validation/two-factor";

async function ownAccountAction<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  run: (ctx: RequestContext, data: z.infer<S>) => Promise<R>,
): Promise<FormState<R>> {
  const at = Date.now();
  const words = await requestWords();
  const account = await currentAccount();
  if (!account || account.mustChangePassword) {
    const english = "Your session has ended. Sign in again.";
    return { ok: false, at, message: words ? problemSentence(words, "sessionEnded", english) : english };
  }
  const parsed = words ? parseIn(schema, input, words.validation) : schema.safeParse(input);
  if (!parsed.success) {
    const english = "Please correct the highlighted fields.";
    const message = words ? problemSentence(words, "correctFields", english) : english;
    // Each field says what it lacks, beside it, in the reader's language (as lib/guard.ts does).
    return { ok: false, at, message, fieldErrors: fieldErrorsOf(parsed.error) };
  }
  try {
    const data = await run(await requestContext(account.actor), parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, at, data };
  } catch (error) {
    if (error instanceof AppError)
      return { ok: false, at, message: messageIn(error, words), fieldErrors: fieldErrorsIn(error, words) };
    throw error;
  }
}

export async function startEnrolmentAction(): Promise<FormState<null>> {
  return await ownAccountAction(z.object({}), {}, async (ctx) => {
    await startEnrolment(getDb(), ctx);
    return null;
  });
}

const codeSchema = z.object({ code: z.string().trim().min(1).max(40) });

/** Returns the ten recovery codes, shown once. */
export async function confirmEnrolmentAction(_previous: FormState, formData: FormData): Promise<FormState<string[]>> {
  return await ownAccountAction(codeSchema, formDataToObject(formData), (ctx, input) =>
    confirmEnrolment(getDb(), ctx, input.code),
  );
}

export async function turnOffAction(_previous: FormState, formData: FormData): Promise<FormState<null>> {
  return await ownAccountAction(presenceProofSchema, formDataToObject(formData), async (ctx, input) => {
    await turnOffTwoFactor(getDb(), ctx, input);
    return null;
  });
}

/** Returns the new set of recovery codes, shown once; the old ones no longer work. */
export async function regenerateRecoveryCodesAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState<string[]>> {
  return await ownAccountAction(presenceProofSchema, formDataToObject(formData), (ctx, input) =>
    regenerateRecoveryCodes(getDb(), ctx, input),
  );
}
