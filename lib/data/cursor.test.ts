import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, pageOf } from "./cursor";

describe("cursor", () => {
  it("round-trips a sort key", () => {
    expect(decodeCursor(encodeCursor(["2026-11-29", "a1"]), ["string", "string"])).toEqual(["2026-11-29", "a1"]);
    expect(decodeCursor(encodeCursor([42]), ["number"])).toEqual([42]);
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["a key of another shape", encodeCursor([1, "a"])],
    ["a key of another length", encodeCursor(["a"])],
    ["an object", Buffer.from('{"a":1}').toString("base64url")],
  ])("refuses %s with 422 on cursor", (_name, cursor) => {
    try {
      decodeCursor(cursor, ["string", "string"]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(422);
      expect((error as AppError).details?.fieldErrors).toHaveProperty("cursor");
    }
  });

  it("pages rows fetched with limit + 1", () => {
    const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const page = pageOf(rows, 2, (r) => [r.id]);
    expect(page.items).toEqual([{ id: "a" }, { id: "b" }]);
    expect(decodeCursor(page.nextCursor!, ["string"])).toEqual(["b"]);
    expect(pageOf(rows, 3, (r) => [r.id]).nextCursor).toBeNull();
    expect(
      pageOf(
        rows,
        5,
        (r) => [r.id],
        (r) => r.id,
      ),
    ).toEqual({ items: ["a", "b", "c"], nextCursor: null });
  });
});
