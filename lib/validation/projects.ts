import { z } from "zod";
import { PROJECT_ROLES, PROJECT_STATUSES, SIZE_CLASSES } from "@/db/schema";
import { LOCALES } from "@/lib/i18n/locale";
import { bothDatesSet, dateField, expectedVersion, optionalText, requiredText, uuid } from "./common";

const modules = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((m) => m.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(80, "A module name is at most 80 characters.")).max(30, "At most 30 modules."));

const projectFields = {
  name: requiredText("Name", 120),
  description: optionalText(4000),
  modules,
  sowReference: optionalText(120),
  startDate: dateField("Start date"),
  targetGoLiveDate: dateField("Target go-live"),
  sizeClass: z.enum(SIZE_CLASSES, "Choose a size class."),
};

/** The client's language (status reports, go-live statement); a locale code, as the API names it. */
const language = z.enum(LOCALES, "Choose the project's language: en, es or pl.");

/** An optional choice from a form select: "" means none. */
const optionalId = z.union([z.literal("").transform(() => undefined), uuid]).optional();

const projectRole = z.enum(PROJECT_ROLES, "Choose a project role.");

/** Key people named at creation; forms send the list as JSON text in one hidden field. */
const keyPeople = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    if (!v.trim()) return [];
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  },
  z
    .array(
      // `board`: also seat them (vote not required) on every gate's board, beyond the seats the
      // policy's default boards give their role.
      z.object({ userId: uuid, role: projectRole, board: z.boolean().optional() }),
      "Name members as a list of { userId, role, board? }.",
    )
    .max(30, "At most 30 members at creation."),
);

export const createProjectSchema = z
  .object({
    organizationId: uuid,
    ...projectFields,
    language: language.default("en"),
    // Default: the light-gating policy. The project binds to the policy's latest version.
    policyId: optionalId,
    clientOwnerId: optionalId,
    members: keyPeople.optional(),
  })
  .refine((p) => !bothDatesSet(p.startDate, p.targetGoLiveDate) || p.targetGoLiveDate > p.startDate, {
    path: ["targetGoLiveDate"],
    message: "The target go-live must be after the start date.",
  });

export const updateProjectSchema = z
  .object({
    projectId: uuid,
    expectedVersion,
    ...projectFields,
    // Absent: unchanged.
    language: language.optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
    internalNotes: optionalText(8000),
  })
  .refine((p) => !bothDatesSet(p.startDate, p.targetGoLiveDate) || p.targetGoLiveDate > p.startDate, {
    path: ["targetGoLiveDate"],
    message: "The target go-live must be after the start date.",
  });

export const memberSchema = z.object({
  projectId: uuid,
  userId: uuid,
  role: projectRole,
});

/** API: a new member by account id or by email (an existing account). */
export const newMemberSchema = z
  .object({
    userId: uuid.optional(),
    email: z.string().trim().toLowerCase().email("Enter an email address.").max(200).optional(),
    role: projectRole,
  })
  .refine((m) => Boolean(m.userId) !== Boolean(m.email), { path: ["userId"], message: "Give either userId or email." });

export const removeMemberQuery = z.object({ role: projectRole.optional() });

export const listProjectsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional(),
});
