// Input rules for sites, guardians, training and escalations: shared by forms, actions and the API.
import { z } from "zod";
import { checkbox, expectedVersion, optionalText, requiredText, uuid } from "@/lib/validation/common";

const httpUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `${label} is at most 2000 characters.`)
    .url(`${label} must be a web address.`)
    .refine((u) => /^https?:\/\//i.test(u), `${label} must start with http:// or https://.`);

const percent = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(0, `${label} is at least 0.`)
    .max(100, `${label} is at most 100.`);

/** "" from an empty select means "none". */
const optionalId = z.preprocess((v) => (v === "" ? null : v), uuid.nullable().optional());

/** A new site (the API's body; the form adds the project). */
export const siteFields = {
  name: requiredText("Site name", 120),
  location: optionalText(200),
};

/** A nomination (the API's body; the form adds the project). */
export const nominationFields = {
  userId: z.string({ error: "Choose a person." }).uuid("Choose a person."),
  siteId: z.string({ error: "Choose a site." }).uuid("Choose a site."),
};

export const withdrawGuardianSchema = z.object({ projectId: uuid, guardianId: uuid, expectedVersion });
export const moveGuardianSchema = z.object({ projectId: uuid, guardianId: uuid, siteId: uuid, expectedVersion });

export const TRAINING_MODULE_KINDS = ["usage", "administration", "configuration", "custom"] as const;

/** A new training module (the API's body; the form adds the project). */
export const moduleFields = {
  kind: z.enum(TRAINING_MODULE_KINDS, { error: "Choose a kind of module." }),
  name: requiredText("Module name", 120),
  description: optionalText(2000),
  required: checkbox,
  passMark: percent("Pass mark"),
};

export const createModuleSchema = z.object({ projectId: uuid, ...moduleFields });

export const updateModuleSchema = z.object({
  projectId: uuid,
  moduleId: uuid,
  name: requiredText("Module name", 120),
  description: optionalText(2000),
  required: checkbox,
  passMark: percent("Pass mark"),
});

/** A link material (the API's JSON body). */
export const materialLinkFields = { title: requiredText("Title", 200), url: httpUrl("Link") };

export const addMaterialFileSchema = z.object({
  projectId: uuid,
  moduleId: uuid,
  title: optionalText(200),
  file: z
    .instanceof(File, { error: "Choose a file." })
    .refine((f) => f.size > 0, "Choose a file (the selected one is empty)."),
});

/** A session to schedule (the API's body; the form adds the project), with its on-site/remote rule. */
export const sessionFields = {
  moduleId: z.string({ error: "Choose a module." }).uuid("Choose a module."),
  startsAt: z
    .string({ error: "Choose a date and time." })
    .trim()
    .datetime({ offset: true, message: "Choose a date and time." })
    .transform((s) => new Date(s).toISOString()),
  durationMinutes: z.coerce
    .number({ error: "Duration must be a number of minutes." })
    .int("Duration must be whole minutes.")
    .min(15, "A session lasts at least 15 minutes.")
    .max(600, "A session lasts at most 10 hours."),
  mode: z.enum(["on_site", "remote"], { error: "Choose on site or remote." }),
  siteId: optionalId,
  meetingUrl: z.preprocess((v) => (v === "" ? undefined : v), httpUrl("Meeting link").optional()),
  trainerId: z.string({ error: "Choose a trainer." }).uuid("Choose a trainer."),
  notes: optionalText(2000),
  attendeeIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(uuid).max(200)),
};

export const sessionModeRule = (
  s: { mode: "on_site" | "remote"; siteId?: string | null; meetingUrl?: string },
  ctx: z.RefinementCtx,
) => {
  if (s.mode === "on_site" && !s.siteId)
    ctx.addIssue({ code: "custom", path: ["siteId"], message: "Choose the site where the session takes place." });
  if (s.mode === "remote" && !s.meetingUrl)
    ctx.addIssue({ code: "custom", path: ["meetingUrl"], message: "Give the meeting link for a remote session." });
};

export const scheduleSessionSchema = z.object({ projectId: uuid, ...sessionFields }).superRefine(sessionModeRule);

/** Guardians to enrol in a session (the API's body). */
export const enrolmentFields = {
  guardianIds: z.preprocess((v) => v ?? [], z.array(uuid).min(1, "Choose at least one guardian.").max(200)),
};

export const attendanceRecordSchema = z.object({
  guardianId: uuid,
  attended: z.boolean(),
  score: percent("Score")
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});

/** Attendance and scores of a session (the API's body). */
export const attendanceFields = {
  records: z.array(attendanceRecordSchema).min(1, "Record at least one attendee.").max(200),
};

/** An escalation as raised (the API's body; the form adds the project). */
export const escalationFields = {
  title: requiredText("Title", 200),
  description: requiredText("Description", 5000),
  severity: z.enum(["low", "medium", "high", "critical"], { error: "Choose a severity." }),
  blocking: checkbox,
};

export const raiseEscalationSchema = z.object({ projectId: uuid, ...escalationFields });

/** A triage: any of its fields (the API's body; the form adds the project and the escalation). */
export const triageFields = {
  status: z.enum(["open", "triaged", "in_progress", "resolved", "closed"]).optional(),
  severity: z.enum(["low", "medium", "high", "critical"]).optional(),
  // Forms send a hidden "false" before the checkbox, so the last value wins.
  blocking: z.preprocess((raw) => {
    const v = Array.isArray(raw) ? raw.at(-1) : raw;
    return v === undefined || v === "" ? undefined : v === true || v === "on" || v === "true";
  }, z.boolean().optional()),
  assigneeId: optionalId,
  resolution: z.string().trim().max(5000, "At most 5000 characters.").optional(),
  expectedVersion,
};

export const triageEscalationSchema = z.object({ projectId: uuid, escalationId: uuid, ...triageFields });
