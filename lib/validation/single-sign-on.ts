import { z } from "zod";
import { PROVISIONING_ROLES } from "@/lib/domain/single-sign-on";
import { checkbox, optionalText, uuid } from "./common";

/**
 * The email domains whose single sign-on identities may create accounts in an organisation, as typed
 * (lib/domain/single-sign-on.ts parses them), and the project role those accounts take. No domains
 * turns provisioning off.
 */
export const organizationSignOnSchema = z.object({
  organizationId: uuid,
  domains: optionalText(2000),
  projectRole: z.enum(PROVISIONING_ROLES, "Choose a role."),
});

/** An administrator turns an account's password sign-in on or off. */
export const passwordSignInSchema = z.object({ userId: uuid, enabled: checkbox });
