// What a person gives to prove they are at the keyboard before a sensitive two-factor step (turning it
// off, a new set of recovery codes): the password and a code from the app or a recovery code.
import { z } from "zod";

export const presenceProofSchema = z.object({
  password: z.string().min(1, "Enter your current password."),
  code: z.string().trim().min(1, "Enter a code from your authenticator app, or a recovery code.").max(40),
});
