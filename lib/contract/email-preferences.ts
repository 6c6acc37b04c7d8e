// The signed-in person's email preferences (issue 16): per kind of notification, immediately, in the
// daily digest, or off. Settings and this API change the same rows.
import { z } from "zod";
import { EMAIL_MODES } from "@/db/enums";
import { EMAIL_KINDS } from "@/lib/domain/email-preferences";
import { operation } from "./operation";

const kind = z
  .enum(EMAIL_KINDS)
  .describe(
    "A kind of notification: reviews (waiting for me), review_outcomes (answers to my artifacts), " +
      "gate_decisions, sprints (acceptance), go_live (signatures), escalations, validation (and quality), " +
      "reports (status reports and anything else).",
  );
const mode = z
  .enum(EMAIL_MODES)
  .describe("immediately: one email per notification; daily: in the daily digest; off: in the app only.");

export const EmailPreference = z
  .object({ kind, mode, defaultMode: mode.describe("What the kind is set to until the person chooses.") })
  .meta({ id: "EmailPreference" });

export const emailPreferencesAnswer = z
  .object({
    emailEnabled: z
      .boolean()
      .describe("False when the server has no SMTP configured: nothing is emailed, whatever the preferences."),
    digestHour: z.number().int().describe("The hour (0-23) the daily digest leaves, in the person's time zone."),
    timeZone: z.string().describe("The person's time zone (their setting, else UTC)."),
    preferences: z.array(EmailPreference),
  })
  .meta({ id: "EmailPreferences" });

export const emailPreferencesInput = z
  .object({
    preferences: z
      .array(z.object({ kind, mode }))
      .max(EMAIL_KINDS.length * 2)
      .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, "Name each kind once.")
      .describe("The kinds to change; a kind left out keeps its mode."),
  })
  .meta({ id: "EmailPreferencesInput" });

export const getEmailPreferencesOp = operation({
  id: "getEmailPreferences",
  method: "get",
  path: "/api/v1/me/email-preferences",
  tag: "Account",
  summary: "How the caller receives each kind of notification by email",
  success: { status: 200, description: "The preferences", schema: emailPreferencesAnswer },
});

export const setEmailPreferencesOp = operation({
  id: "setEmailPreferences",
  method: "put",
  path: "/api/v1/me/email-preferences",
  tag: "Account",
  summary: "Change how the caller receives some kinds of notification by email",
  description: "Audited; saving the same modes again changes nothing. An unknown kind or mode answers 422.",
  body: emailPreferencesInput,
  success: { status: 200, description: "The preferences after the change", schema: emailPreferencesAnswer },
  errors: [422],
});

export const emailPreferenceOperations = [getEmailPreferencesOp, setEmailPreferencesOp];
