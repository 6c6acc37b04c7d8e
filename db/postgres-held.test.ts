// The literals of statements held back to travel with the next one (db/postgres-held.ts): each
// placeholder becomes its value, quoted, outside quoted strings and names only.
import { describe, expect, it } from "vitest";
import { inline } from "./postgres-held";

describe("inline", () => {
  it.each([
    ["select * from t where a = $1 and b = $2", ["x", 7], "select * from t where a = 'x' and b = '7'"],
    ["insert into t values ($1, $2, $3)", [null, true, 1.5], "insert into t values (null, 'true', '1.5')"],
    ["select $2, $1, $10", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "select '2', '1', '10'"],
    ["select $1", ["it's"], "select 'it''s'"],
    ["select $1", ["ünïcödé ✓"], "select 'ünïcödé ✓'"],
    // A backslash in a value is written with E'…', where it is itself.
    ["select $1", ["a\\b"], "select  E'a\\\\b'"],
    // Placeholders in quoted strings and names are text, not parameters.
    [`select '$1', "$1", $1 from "t"`, ["v"], `select '$1', "$1", 'v' from "t"`],
    [`select 'it''s $1', $1`, ["v"], `select 'it''s $1', 'v'`],
    ["select 1", [], "select 1"],
  ])("%s with %j", (text, values, expected) => {
    expect(inline(text, values)).toBe(expected);
  });

  it.each([
    ["an object", ["select $1", [{ a: 1 }]]],
    ["a date", ["select $1", [new Date(0)]]],
    ["a buffer", ["select $1", [Buffer.from("x")]]],
    ["a string with a NUL", ["select $1", ["a\0b"]]],
    ["a statement with a backslash", ["select E'\\'' || $1", ["x"]]],
    ["a statement with dollar quotes", ["select $$ $1 $$ || $1", ["x"]]],
  ] as const)("gives null (not inlined) for %s", (_, [text, values]) => {
    expect(inline(text, values)).toBeNull();
  });

  it("refuses a statement that names a value it was not given", () => {
    expect(() => inline("select $1, $2", ["x"])).toThrow("no value for $2");
  });
});
