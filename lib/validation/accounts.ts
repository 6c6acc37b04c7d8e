import { z } from "zod";
import { GLOBAL_ROLES, SECTORS } from "@/db/schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/password";
import { requiredText, uuid } from "./common";

export const email = z.string().trim().toLowerCase().email("Enter a valid email address.").max(200);

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.");

/** An administrator invites a person: the person chooses their own password through the link. */
export const inviteAccountSchema = z
  .object({
    email,
    name: requiredText("Name", 120),
    role: z.enum(GLOBAL_ROLES, "Choose a role."),
    organizationId: z
      .string()
      .optional()
      .transform((v) => v || null),
  })
  .refine((u) => u.role !== "client" || u.organizationId, {
    path: ["organizationId"],
    message: "A client account belongs to a client organisation.",
  })
  .refine((u) => u.role === "client" || !u.organizationId, {
    path: ["organizationId"],
    message: "Only client accounts belong to a client organisation.",
  });

const confirmed = <T extends { newPassword: string; confirmPassword: string }>(p: T) =>
  p.newPassword === p.confirmPassword;
const mismatch = { path: ["confirmPassword"], message: "The passwords do not match." };

/** The person who opened an invitation or reset link sets their password. */
export const acceptAccountLinkSchema = z
  .object({
    token: z.string().min(1, "This link is not valid.").max(200, "This link is not valid."),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine(confirmed, mismatch);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine(confirmed, mismatch)
  .refine((p) => p.newPassword !== p.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

export const setDisabledSchema = z.object({ userId: uuid, disabled: z.boolean() });

export const accountIdSchema = z.object({ userId: uuid });

export const organizationSchema = z.object({
  name: requiredText("Name", 120),
  sector: z.enum(SECTORS, "Choose a sector."),
  country: requiredText("Country", 80),
});

export const tokenNameSchema = z.object({ name: requiredText("Name", 80) });
