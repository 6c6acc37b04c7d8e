// Filters of a project's audit timeline, shared by the page (query string) and the API.
import { z } from "zod";
import { isoDate } from "@/lib/validation/common";

const optionalFilter = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** The filters' fields, for the API's query (lib/contract/projects.ts), which adds the page to them. */
export const auditFilterFields = {
  /** An action ("gate.submit") or a family of actions ("gate" matches gate.*). */
  action: optionalFilter(100),
  /** An actor's id or email. */
  actor: optionalFilter(200),
  objectType: optionalFilter(100),
  /**
   * Free text: a person's name or email, an action, an object's title (and, for vendor readers, the
   * recorded values).
   */
  q: optionalFilter(200),
  from: isoDate.optional().or(z.literal("").transform(() => undefined)),
  to: isoDate.optional().or(z.literal("").transform(() => undefined)),
};

const fromBeforeTo = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const datesInOrder = { path: ["to"], message: "The end date must not be before the start date." };
/** The filters' dates rule, as `.refine(...auditDatesInOrder)`. */
export const auditDatesInOrder = [fromBeforeTo, datesInOrder] as const;

export const auditFilterSchema = z.object(auditFilterFields).refine(...auditDatesInOrder);

export type AuditFilter = z.infer<typeof auditFilterSchema>;
