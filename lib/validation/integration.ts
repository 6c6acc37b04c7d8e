import { z } from "zod";
import { INTERFACE_DIRECTIONS, INTERFACE_STATUSES, PROTOCOLS, SYSTEM_KINDS } from "@/db/enums";
import { expectedVersion, optionalText, requiredText, uuid } from "./common";

export const systemKind = z.enum(SYSTEM_KINDS, { error: "Choose the kind of system." });

/** A system's fields; registering one is an operation (lib/contract/integration.ts), editing is a form. */
export const systemFields = {
  name: requiredText("Name", 120),
  kind: systemKind,
  description: optionalText(2000),
};

export const updateSystemSchema = z.object({ ...systemFields, systemId: uuid, expectedVersion });

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
  direction: z.enum(INTERFACE_DIRECTIONS, { error: "Choose a direction." }),
  protocol: z.enum(PROTOCOLS, { error: "Choose a protocol." }),
  frequency: requiredText("Frequency", 80),
  owner: optionalText(120),
  module: optionalModule,
  description: optionalText(4000),
};

export const updateInterfaceSchema = z.object({ ...interfaceFields, interfaceId: uuid, expectedVersion });

/** Moving an interface along its workflow; the interface is named by the path or the form. */
export const interfaceStatusFields = {
  to: z.enum(INTERFACE_STATUSES, { error: "Choose a status." }),
  reason: optionalText(1000),
  expectedVersion,
};

export const deleteInterfaceSchema = z.object({ interfaceId: uuid, expectedVersion });

export const exportFormat = z.enum(["markdown", "csv"], { error: "Use format=markdown or format=csv." });
