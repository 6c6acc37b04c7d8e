// Keyset paging: the rows strictly after a cursor's key in a list ordered by several columns, all
// ascending or all descending. The key ends with a unique column (an id), so no row is skipped or
// repeated between pages, whatever is inserted meanwhile.
import { type AnyColumn, type SQL, and, eq, gt, lt, or } from "drizzle-orm";

export function rowsAfter(
  columns: AnyColumn[],
  key: readonly (string | number)[] | null,
  direction: "asc" | "desc",
): SQL | undefined {
  if (!key) return undefined;
  const beyond = direction === "asc" ? gt : lt;
  // c0 beyond k0, or c0 = k0 and (c1 beyond k1, or c1 = k1 and (…)).
  let condition: SQL | undefined = beyond(columns[columns.length - 1], key[columns.length - 1]);
  for (let i = columns.length - 2; i >= 0; i--) {
    condition = or(beyond(columns[i], key[i]), and(eq(columns[i], key[i]), condition));
  }
  return condition;
}
