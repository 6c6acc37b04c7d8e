// The one cursor of every paginated list: the sort key of the last item of a page, opaque to the
// client (base64url JSON). A cursor that was not made here is refused with 422 on `cursor`.
import { and, eq, gt, lt, or, type AnyColumn, type SQL } from "drizzle-orm";
import { AppError } from "@/lib/errors";

export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The key a cursor carries; `shape` names the type of each part, in order. */
export function decodeCursor<const S extends readonly ("string" | "number")[]>(
  cursor: string,
  shape: S,
): { [I in keyof S]: S[I] extends "number" ? number : string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === shape.length &&
      value.every((part, index) => typeof part === shape[index])
    ) {
      return value as { [I in keyof S]: S[I] extends "number" ? number : string };
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw new AppError(
    "invalid_input",
    "The cursor is not valid.",
    "invalid_cursor",
    {
      fieldErrors: { cursor: ["Invalid cursor: pass the nextCursor of the previous page."] },
    },
    { problem: "invalidCursor", fields: { cursor: "invalidCursorUseNext" } },
  );
}

/**
 * A page from rows fetched with `limit + 1`: the extra row only tells that another page exists,
 * and the next cursor is the key of the last row shown.
 */
export function pageOf<R, T = R>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => CursorKey,
  view: (row: R) => T = (row) => row as unknown as T,
): { items: T[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown.map(view), nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/**
 * The keyset condition of the next page: the rows after `key` in the order of `columns` (ascending,
 * or descending), as (a > k0) or (a = k0 and b > k1) or …; no condition for the first page.
 */
export function afterKey(
  columns: AnyColumn[],
  key: readonly (string | number)[] | null,
  direction: "asc" | "desc" = "asc",
): SQL | undefined {
  if (!key) return undefined;
  const beyond = direction === "asc" ? gt : lt;
  return or(
    ...columns.map((column, index) =>
      and(...columns.slice(0, index).map((earlier, i) => eq(earlier, key[i])), beyond(column, key[index])),
    ),
  );
}
