// The fields of the go-live commands; lib/contract/go-live.ts assembles them into each operation's
// input, which the API and the go-live page's forms both validate with.
import { z } from "zod";
import { SIGNER_CAPACITIES } from "@/db/enums";
import { dateField, optionalText, requiredText, uuid } from "./common";

const signer = z.object({
  userId: uuid,
  capacity: z.enum(SIGNER_CAPACITIES, "Choose client owner or guardian."),
});

export const acceptanceFields = {
  statement: requiredText("Statement", 4000),
  signers: z.array(signer).min(1, "Choose at least the client owner.").max(30, "At most 30 signers."),
};

export const signOffFields = {
  password: z.string().min(1, "Re-enter your password to sign.").max(200),
  statement: requiredText("Statement", 4000),
};

const contact = z.object({
  name: requiredText("Name", 120),
  email: z.string().trim().email("Enter a valid email address."),
  phone: z.string().trim().max(40, "At most 40 characters.").optional(),
  role: z.string().trim().max(80, "At most 80 characters.").optional(),
});

export const handoverFields = {
  handoverDate: dateField("Handover date"),
  supportContacts: z.array(contact).min(1, "Name at least one support contact.").max(20),
  openItems: z.array(z.string().trim().min(1).max(500)).max(100),
};

/** Form variant: contacts one per line "Name <email>, phone, role"; open items one per line. */
export const handoverFormSchema = z
  .object({
    projectId: uuid,
    handoverDate: dateField("Handover date"),
    supportContacts: requiredText("Support contacts", 4000),
    openItems: optionalText(8000),
  })
  .transform((v, ctx) => {
    const contacts: z.input<typeof contact>[] = [];
    for (const [i, line] of v.supportContacts
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .entries()) {
      const match = /^(.+?)\s*<([^<>\s]+@[^<>\s]+)>\s*(?:,\s*([^,]*))?\s*(?:,\s*(.*))?$/.exec(line);
      if (!match) {
        ctx.addIssue({
          code: "custom",
          path: ["supportContacts"],
          message: `Line ${i + 1}: write "Name <email>, phone, role".`,
        });
        return z.NEVER;
      }
      contacts.push({
        name: match[1].trim(),
        email: match[2],
        ...(match[3]?.trim() ? { phone: match[3].trim() } : {}),
        ...(match[4]?.trim() ? { role: match[4].trim() } : {}),
      });
    }
    return {
      projectId: v.projectId,
      handoverDate: v.handoverDate,
      supportContacts: contacts,
      openItems: v.openItems
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    };
  })
  .pipe(z.object({ projectId: uuid, ...handoverFields }));
