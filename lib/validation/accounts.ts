import { z } from "zod";
import { GLOBAL_ROLES, SECTORS } from "@/db/schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/password";
import { requiredText, uuid } from "./common";

export const email = z.string().trim().toLowerCase().email("Enter a valid email address.").max(200);

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.");

export const createUserSchema = z
  .object({
    email,
    name: requiredText("Name", 120),
    role: z.enum(GLOBAL_ROLES, "Choose a role."),
    organizationId: z.string().optional().transform((v) => v || null),
    password: newPassword,
  })
  .refine((u) => u.role !== "client" || u.organizationId, {
    path: ["organizationId"],
    message: "A client account belongs to a client organisation.",
  })
  .refine((u) => u.role === "client" || !u.organizationId, {
    path: ["organizationId"],
    message: "Only client accounts belong to a client organisation.",
  });

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password."), newPassword, confirmPassword: z.string() })
  .refine((p) => p.newPassword === p.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

export const setDisabledSchema = z.object({ userId: uuid, disabled: z.boolean() });

export const resetPasswordSchema = z.object({ userId: uuid, password: newPassword });

export const organizationSchema = z.object({
  name: requiredText("Name", 120),
  sector: z.enum(SECTORS, "Choose a sector."),
  country: requiredText("Country", 80),
});

export const tokenNameSchema = z.object({ name: requiredText("Name", 80) });
