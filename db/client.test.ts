import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { reuseStatements } from "./client";

function database() {
  const sqlite = new Database(":memory:");
  reuseStatements(sqlite, 2);
  sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b'), ('c');");
  return sqlite;
}

describe("reuseStatements", () => {
  it("hands out the compiled statement again for the same SQL", () => {
    const sqlite = database();
    expect(sqlite.prepare("select name from t")).toBe(sqlite.prepare("select name from t"));
  });

  it("resets a statement that was switched to raw arrays back to row objects", () => {
    const sqlite = database();
    expect(sqlite.prepare("select name from t where id = ?").raw().get(1)).toEqual(["a"]);
    expect(sqlite.prepare("select name from t where id = ?").get(1)).toEqual({ name: "a" });
    sqlite.prepare("select name from t where id = ?").pluck();
    expect(sqlite.prepare("select name from t where id = ?").get(2)).toEqual({ name: "b" });
  });

  it("never shares a statement that is still being iterated", () => {
    const sqlite = database();
    const names: string[] = [];
    for (const row of sqlite.prepare("select name from t order by id").iterate() as Iterable<{ name: string }>) {
      names.push(row.name, ...(sqlite.prepare("select name from t order by id").all() as { name: string }[]).map((r) => r.name.toUpperCase()).slice(0, 1));
    }
    expect(names).toEqual(["a", "A", "b", "A", "c", "A"]);
  });

  it("keeps only the most recently used statements", () => {
    const sqlite = database();
    const first = sqlite.prepare("select 1");
    sqlite.prepare("select 2");
    sqlite.prepare("select 3");
    expect(sqlite.prepare("select 1")).not.toBe(first);
    expect(sqlite.prepare("select 3")).toBe(sqlite.prepare("select 3"));
  });

  it("still prepares statements that write", () => {
    const sqlite = database();
    sqlite.prepare("insert into t (name) values (?)").run("d");
    sqlite.prepare("insert into t (name) values (?)").run("e");
    expect(sqlite.prepare("select count(*) as n from t").get()).toEqual({ n: 5 });
  });
});
