import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PARTIAL_PREFIX, writeFileAtomic } from "@/lib/atomic-file";
import {
  removeStalePartials,
  sealUploadsUnderCurrentKey,
  storedUploadNames,
  uploadsUnderOtherKeys,
} from "@/lib/data/upload-sealing";
import { openBytes, sealBytes, sealedBy, sealState } from "@/lib/secret-box";

const root = mkdtempSync(path.join(tmpdir(), "lightgate-sealing-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const oldRing = { current: randomBytes(32), others: [] };
const ring = { current: randomBytes(32), others: [oldRing.current] };

/** A folder with plaintext, previous-key, current-key and foreign files, and a write in progress. */
function folder(): string {
  const dir = mkdtempSync(path.join(root, "uploads-"));
  writeFileSync(path.join(dir, "a-plain.bin"), "plain text of before");
  writeFileSync(path.join(dir, "b-previous.bin"), sealBytes(Buffer.from("under the previous key"), oldRing));
  writeFileSync(path.join(dir, "c-current.bin"), sealBytes(Buffer.from("under the current key"), ring));
  writeFileSync(
    path.join(dir, "d-foreign.bin"),
    sealBytes(Buffer.from("someone else's"), { current: randomBytes(32), others: [] }),
  );
  writeFileSync(path.join(dir, `${PARTIAL_PREFIX}in-flight`), sealBytes(Buffer.from("being written"), ring));
  return dir;
}

describe("sealing the uploads folder", () => {
  it("seals plaintext, re-seals the previous key's files, leaves current and foreign ones and writes in flight", () => {
    const dir = folder();
    const foreign = readFileSync(path.join(dir, "d-foreign.bin"));
    expect(storedUploadNames(dir)).toEqual(["a-plain.bin", "b-previous.bin", "c-current.bin", "d-foreign.bin"]);
    expect(uploadsUnderOtherKeys(dir, ring)).toEqual(["b-previous.bin"]);
    const report = sealUploadsUnderCurrentKey({ dir, ring });
    expect(report).toEqual({
      files: 4,
      sealed: 1,
      resealed: 1,
      foreign: ["d-foreign.bin"],
      broken: [],
      complete: true,
    });
    for (const [name, text] of [
      ["a-plain.bin", "plain text of before"],
      ["b-previous.bin", "under the previous key"],
      ["c-current.bin", "under the current key"],
    ]) {
      const bytes = readFileSync(path.join(dir, name));
      expect(sealedBy(bytes, ring)).toBe("current");
      expect(openBytes(bytes, ring).toString()).toBe(text);
    }
    expect(readFileSync(path.join(dir, "d-foreign.bin")).equals(foreign)).toBe(true);
    expect(uploadsUnderOtherKeys(dir, ring)).toEqual([]);
    // Idempotent: nothing left to do.
    expect(sealUploadsUnderCurrentKey({ dir, ring })).toMatchObject({ sealed: 0, resealed: 0 });
  });

  it("the start's migration seals plaintext only and leaves a rotation's files to the rotation", () => {
    const dir = folder();
    expect(sealUploadsUnderCurrentKey({ dir, ring, plaintextOnly: true })).toMatchObject({ sealed: 1, resealed: 0 });
    expect(sealedBy(readFileSync(path.join(dir, "b-previous.bin")), ring)).toBe("other");
  });

  it.each([0, 1, 2])("stops after %i rewritten files and the next run carries on", (limit) => {
    const dir = folder();
    const first = sealUploadsUnderCurrentKey({ dir, ring, limit });
    expect(first.sealed + first.resealed).toBe(limit);
    expect(first.complete).toBe(limit > 2);
    // Mid-way, every file is whole and opens under the current or the previous key (or is still plaintext).
    for (const name of ["a-plain.bin", "b-previous.bin", "c-current.bin"]) {
      const bytes = readFileSync(path.join(dir, name));
      if (sealState(bytes, ring) === "sealed") expect(openBytes(bytes, ring).length).toBeGreaterThan(0);
      else expect(bytes.toString()).toBe("plain text of before");
    }
    const rest = sealUploadsUnderCurrentKey({ dir, ring });
    expect(first.sealed + first.resealed + rest.sealed + rest.resealed).toBe(2);
  });

  it("removes only stale temporary files of crashed writes", () => {
    const dir = folder();
    const stale = path.join(dir, `${PARTIAL_PREFIX}crashed`);
    writeFileSync(stale, "x");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    expect(removeStalePartials(dir)).toBe(1);
    expect(readdirSync(dir).filter((n) => n.startsWith(PARTIAL_PREFIX))).toEqual([`${PARTIAL_PREFIX}in-flight`]);
  });

  it("writes atomically: the target holds the new bytes, no temporary file is left, mode 0600", () => {
    const dir = mkdtempSync(path.join(root, "atomic-"));
    const file = path.join(dir, "x.bin");
    writeFileSync(file, "old");
    writeFileAtomic(file, Buffer.from("new"));
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["x.bin"]);
    writeFileAtomic(path.join(dir, "y.bin"), "fresh");
    expect(readdirSync(dir).sort()).toEqual(["x.bin", "y.bin"]);
  });
});
