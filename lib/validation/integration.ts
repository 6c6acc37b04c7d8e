import { z } from "zod";
import { INTERFACE_STATUSES, PROTOCOLS, SYSTEM_KINDS } from "@/db/schema";
import { expectedVersion, optionalText, requiredText, uuid } from "./common";

export const systemKind = z.enum(SYSTEM_KINDS, { error: "Choose the kind of system." });

export const createSystemSchema = z.object({
  name: requiredText("Name", 120),
  kind: systemKind,
  description: optionalText(2000),
});

export const updateSystemSchema = createSystemSchema.extend({ systemId: uuid, expectedVersion });

export const deleteSystemSchema = z.object({ systemId: uuid, expectedVersion });

const optionalModule = z
  .string()
  .trim()
  .max(120, "At most 120 characters.")
  .optional()
  .transform((v) => (v ? v : null));

export const interfaceFields = {
  systemId: uuid,
  name: requiredText("Name", 120),
  direction: z.enum(["inbound", "outbound", "bidirectional"], { error: "Choose a direction." }),
  protocol: z.enum(PROTOCOLS, { error: "Choose a protocol." }),
  frequency: requiredText("Frequency", 80),
  owner: optionalText(120),
  module: optionalModule,
  description: optionalText(4000),
};

export const createInterfaceSchema = z.object(interfaceFields);

export const updateInterfaceSchema = z.object({ ...interfaceFields, interfaceId: uuid, expectedVersion });

export const changeInterfaceStatusSchema = z.object({
  interfaceId: uuid,
  to: z.enum(INTERFACE_STATUSES, { error: "Choose a status." }),
  reason: optionalText(1000),
  expectedVersion,
});

export const deleteInterfaceSchema = z.object({ interfaceId: uuid, expectedVersion });

export const exportFormat = z.enum(["markdown", "csv"], { error: "Use format=markdown or format=csv." });
