import { z } from "zod";
import { PROJECT_ROLES, PROJECT_STATUSES, SIZE_CLASSES } from "@/db/schema";
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

export const createProjectSchema = z
  .object({ organizationId: uuid, ...projectFields })
  .refine((p) => !bothDatesSet(p.startDate, p.targetGoLiveDate) || p.targetGoLiveDate > p.startDate, {
    path: ["targetGoLiveDate"],
    message: "The target go-live must be after the start date.",
  });

export const updateProjectSchema = z
  .object({
    projectId: uuid,
    expectedVersion,
    ...projectFields,
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
  role: z.enum(PROJECT_ROLES, "Choose a project role."),
});

export const listProjectsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional(),
});
