"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { EMAIL_MODES } from "@/db/enums";
import { getDb } from "@/db/client";
import { saveEmailPreferences } from "@/lib/data/email-preferences";
import { EMAIL_KINDS, type EmailKind, type EmailMode } from "@/lib/domain/email-preferences";
import { formAction } from "@/lib/guard";

/** The panel posts one radio group per kind, named by the kind; a kind left out keeps its mode. */
const emailPreferencesForm = z.object(
  Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, z.enum(EMAIL_MODES).optional()])) as Record<
    EmailKind,
    z.ZodOptional<z.ZodEnum<{ [M in EmailMode]: M }>>
  >,
);

export const saveEmailPreferencesAction = formAction(emailPreferencesForm, async (ctx, input) => {
  const change = Object.fromEntries(Object.entries(input).filter(([, mode]) => mode !== undefined));
  const saved = await saveEmailPreferences(getDb(), ctx, change);
  revalidatePath("/settings");
  return saved;
});
