// Schemas every resource's contract uses: path parameters, paging, and the shapes of common values.
import { z } from "zod";

/** An object id in a path. */
export const id = (what: string) => z.uuid(`Unknown ${what}.`).meta({ description: `The ${what}'s id.` });

export const projectPath = z.object({ projectId: id("project") });

/** `?limit=&cursor=`: a page of at most `limit` items after the cursor of the previous page. */
export const pageQuery = (defaultLimit = 50) =>
  z.object({
    limit: z.coerce
      .number("Must be a whole number from 1 to 200.")
      .int("Must be a whole number from 1 to 200.")
      .min(1, "Must be a whole number from 1 to 200.")
      .max(200, "Must be a whole number from 1 to 200.")
      .default(defaultLimit)
      .meta({ description: `How many items to answer (1–200, ${defaultLimit} unless given).` }),
    cursor: z
      .string()
      .max(1000)
      .optional()
      .meta({ description: "The `nextCursor` of the previous page; absent for the first page." }),
  });

/** A page of a list: its items, and the cursor of the next page (null on the last one). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  });

/** An instant as the API writes it (ISO 8601, UTC). */
export const instant = z.iso.datetime();
/** A calendar date (YYYY-MM-DD). */
export const calendarDate = z.iso.date();
/** The optimistic-concurrency version a write must echo as `expectedVersion`. */
export const version = z.number().int().meta({ description: "Echo as `expectedVersion` when changing this item." });
