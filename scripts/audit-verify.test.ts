// The real `audit:verify` command on a copy of a demo database: exit 0 untouched, 1 when the newest
// event was deleted, 1 when a head from an old report was cut, 2 without the signing key.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { desc, eq, gte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, first, openDatabase, transaction } from "@/db/client";
import { auditEvents, auditCheckpoints } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { auditSigningKey, forgetAuditSigningKeys } from "@/lib/data/audit-checkpoints";
import { formatHead } from "@/lib/domain/audit-checkpoint";
import { parseVerifyArguments } from "./audit-verify";

const run = promisify(execFile);
const SEED = Buffer.alloc(32, 9).toString("base64");
let dir: string;
let original: string;

/** Runs `npm run audit:verify` on a SQLite file; its exit code and output. */
async function auditVerify(file: string, args: string[] = [], env: Record<string, string> = {}) {
  try {
    const out = await run("npm", ["run", "--silent", "audit:verify", "--", ...args], {
      env: { ...process.env, DATABASE_URL: "", LIGHTGATE_DATA_DIR: dir, LIGHTGATE_DATABASE: file, ...env },
    });
    return { code: 0, output: out.stdout + out.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

function copyOf(name: string): string {
  const file = path.join(dir, name);
  copyFileSync(original, file);
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "audit-verify-"));
  original = path.join(dir, "demo.db");
  process.env.LIGHTGATE_AUDIT_SIGNING_KEY = SEED;
  forgetAuditSigningKeys();
  const db = openDatabase(original);
  await seedDemo(db);
  await closeDatabase(db);
}, 120_000);
afterAll(() => {
  delete process.env.LIGHTGATE_AUDIT_SIGNING_KEY;
  forgetAuditSigningKeys();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run audit:verify", () => {
  it("exits 0 on an untouched copy and 1, naming the gap, when the newest event was deleted", async () => {
    const untouched = await auditVerify(copyOf("untouched.db"), [], { LIGHTGATE_AUDIT_SIGNING_KEY: SEED });
    expect(untouched.output).toContain("Audit trail verified");
    expect(untouched.code).toBe(0);

    const file = copyOf("cut.db");
    const db = openDatabase(file);
    const newest = (await first(db.select().from(auditEvents).orderBy(desc(auditEvents.seq))))!;
    await transaction(db, async (tx) => void (await tx.delete(auditEvents).where(eq(auditEvents.seq, newest.seq))));
    await closeDatabase(db);
    const cut = await auditVerify(file, [], { LIGHTGATE_AUDIT_SIGNING_KEY: SEED });
    expect(cut.code).toBe(1);
    expect(cut.output).toContain(`FAILED: event #${newest.seq} is missing`);
  }, 120_000);

  it("exits 1 when history after a published head was cut with its checkpoints, 0 with the head intact", async () => {
    const file = copyOf("old-report.db");
    const db = openDatabase(file);
    const head = (await first(db.select().from(auditEvents).orderBy(desc(auditEvents.seq))))!;
    await transaction(db, async (tx) => {
      await tx.delete(auditEvents).where(gte(auditEvents.seq, head.seq - 3));
      await tx.delete(auditCheckpoints).where(gte(auditCheckpoints.seq, head.seq - 3));
    });
    await closeDatabase(db);
    const withHead = ["--head", formatHead(head)];
    const intact = await auditVerify(copyOf("intact.db"), withHead, { LIGHTGATE_AUDIT_SIGNING_KEY: SEED });
    expect(intact.code).toBe(0);
    const cut = await auditVerify(file, withHead, { LIGHTGATE_AUDIT_SIGNING_KEY: SEED });
    expect(cut.code).toBe(1);
    expect(cut.output).toContain(`FAILED: events #${head.seq - 3} to #${head.seq} are missing: the published head`);
  }, 120_000);

  it("verifies with the published public key alone, and exits 2 without any key", async () => {
    const pem = path.join(dir, "audit-public.pem");
    writeFileSync(pem, auditSigningKey().publicKeyPem);
    const file = copyOf("public-key.db");
    expect((await auditVerify(file, ["--public-key", pem], { LIGHTGATE_AUDIT_SIGNING_KEY: "" })).code).toBe(0);
    const noKey = await auditVerify(file, [], { LIGHTGATE_AUDIT_SIGNING_KEY: "" });
    expect(noKey.code).toBe(2);
    expect(noKey.output).toContain("No audit signing key at");
  }, 120_000);
});

describe("the command's arguments", () => {
  const hash = "a".repeat(64);
  it.each([
    [[], { heads: [], publicKeyFile: null }],
    [["--head", `5:${hash}`], { heads: [{ seq: 5, hash }], publicKeyFile: null }],
    [[`--head=5:${hash}`, "--public-key", "k.pem"], { heads: [{ seq: 5, hash }], publicKeyFile: "k.pem" }],
  ])("%j", (argv, expected) => {
    expect(parseVerifyArguments(argv)).toEqual(expected);
  });
  it.each([[["--head", "5:abc"]], [["--head"]], [["--tail"]]])("refuses %j with a line that says how", (argv) => {
    expect(parseVerifyArguments(argv)).toMatchObject({ error: expect.stringMatching(/--head/) });
  });
});
