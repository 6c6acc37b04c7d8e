// Uploads encrypted at rest, over HTTP, on the dialect of the run (SQLite, and PostgreSQL under
// vitest.pg.config.ts): an uploaded file is nowhere under the data folder in plaintext and downloads
// byte-identical; an altered stored file is refused and audited; a key rotation interrupted mid-way
// resumes and ends with the previous key removed; the start's migration seals plaintext files once.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as fileRoute from "@/app/api/v1/projects/[projectId]/artifacts/[artifactId]/versions/[versionId]/file/route";
import * as versionsRoute from "@/app/api/v1/projects/[projectId]/artifacts/[artifactId]/versions/route";
import * as materialFileRoute from "@/app/api/v1/projects/[projectId]/training-materials/[materialId]/file/route";
import * as materialsRoute from "@/app/api/v1/projects/[projectId]/training-modules/[moduleId]/materials/route";
import { type Db, first } from "@/db/client";
import { artifactVersions, auditEvents, twoFactorAccounts, users } from "@/db/schema";
import { addArtifactVersionOp, downloadArtifactFileOp } from "@/lib/contract/artifacts";
import { addTrainingMaterialOp, downloadTrainingMaterialOp } from "@/lib/contract/training";
import { rotateKeys, type SealedColumn } from "@/lib/data/key-rotation";
import { startEnrolment } from "@/lib/data/two-factor";
import { prepareUploadsAtRest } from "@/lib/data/upload-sealing";
import { uploadsDir } from "@/lib/env";
import { apiClient } from "@/lib/testing/api";
import { createTestDb } from "@/lib/testing/fixtures";
import { artifactsOfGate, makeGateWorld, type GateWorld } from "@/lib/testing/gate-fixtures";
import { makeReadinessWorld } from "@/lib/testing/readiness-fixtures";
import { forgetKeys, isSealed, keyName, keyring, openText, sealedBy, sealText } from "@/lib/secret-box";

let db: Db;
let w: GateWorld;
let api: ReturnType<typeof apiClient>;
let projectId: string;
let artifactId: string;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "lightgate-at-rest-"));
  vi.stubEnv("LIGHTGATE_DATA_DIR", dataDir);
  vi.stubEnv("LIGHTGATE_UPLOADS_DIR", "");
  vi.stubEnv("LIGHTGATE_ENCRYPTION_KEY", "");
  vi.stubEnv("LIGHTGATE_PREVIOUS_ENCRYPTION_KEY", "");
  forgetKeys();
  db = await createTestDb();
  w = await makeGateWorld(db);
  projectId = w.project.id;
  artifactId = (await artifactsOfGate(db, projectId, 7)).find((a) => a.requirement === "must")!.id;
  api = apiClient(db);
});
afterEach(() => {
  vi.unstubAllEnvs();
  forgetKeys();
});

/** A text no other file could contain by chance, so finding it anywhere means a plaintext copy. */
const secretText = () => `Tariff schedule ${randomUUID()} — confidential until go-live.\n`.repeat(20);

async function upload(text: string, name = "tariffs.txt"): Promise<string> {
  const body = new FormData();
  body.set("file", new File([text], name, { type: "text/plain" }));
  const answer = await api.call(versionsRoute.POST, addArtifactVersionOp, {
    as: w.engineer,
    params: { projectId, artifactId },
    body,
  });
  expect(answer.status).toBe(201);
  return (answer.body as { version: { id: string } }).version.id;
}

async function download(versionId: string, headers: Record<string, string> = {}) {
  const answer = await api.call(fileRoute.GET, downloadArtifactFileOp, {
    as: w.viewer,
    params: { projectId, artifactId, versionId },
    headers,
  });
  return { ...answer, bytes: Buffer.from(await answer.response.clone().arrayBuffer()) };
}

async function storedFile(versionId: string): Promise<string> {
  const row = await first(db.select().from(artifactVersions).where(eq(artifactVersions.id, versionId)));
  return path.join(uploadsDir(), row!.storedName!);
}

/** Every file under a folder, recursively. */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

describe("an upload at rest", () => {
  it("is nowhere under the data folder in plaintext and downloads byte-identical with its SHA-256", async () => {
    const text = secretText();
    const versionId = await upload(text);
    const needle = Buffer.from(text.slice(0, 60));
    const files = allFiles(dataDir);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(readFileSync(file).includes(needle), file).toBe(false);
    expect(isSealed(readFileSync(await storedFile(versionId)))).toBe(true);
    expect(statSync(await storedFile(versionId)).mode & 0o077).toBe(0);

    const answer = await download(versionId);
    expect(answer.status).toBe(200);
    expect(answer.bytes.equals(Buffer.from(text))).toBe(true);
    expect(answer.response.headers.get("x-content-sha256")).toBe(sha256(text));
  });

  it("is refused when a byte of the stored file was flipped, in the reader's language, and audited", async () => {
    const versionId = await upload(secretText());
    const file = await storedFile(versionId);
    const bytes = readFileSync(file);
    bytes[bytes.length - 5] ^= 0x01;
    writeFileSync(file, bytes);

    const refused = await download(versionId, {
      "accept-language": "es",
      "x-forwarded-for": "203.0.113.9",
      "user-agent": "IntegrityProbe/1.0",
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "upload_tampered", detail: expect.stringMatching(/se modificó/) });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "upload.tamper_detected"), eq(auditEvents.objectId, artifactId)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: w.viewer.id,
      objectType: "artifact",
      projectId,
      ip: "203.0.113.9",
      userAgent: "IntegrityProbe/1.0",
      after: { versionId, storedName: path.basename(file) },
    });
    // Refused again on the next try: the altered file is never handed out.
    expect((await download(versionId)).status).toBe(409);
  });
});

describe("a training material at rest", () => {
  it("downloads byte-identical, and is refused and audited once its stored file was altered", async () => {
    const t = await makeReadinessWorld(db);
    const text = secretText();
    const body = new FormData();
    body.set("file", new File([text], "slides.txt", { type: "text/plain" }));
    const added = await api.call(materialsRoute.POST, addTrainingMaterialOp, {
      as: t.pm,
      params: { projectId: t.project.id, moduleId: t.usage.id },
      body,
    });
    expect(added.status).toBe(201);
    const materialId = (added.body as { id: string }).id;
    const params = { projectId: t.project.id, materialId };
    const fetchIt = () => api.call(materialFileRoute.GET, downloadTrainingMaterialOp, { as: t.pm, params });
    const ok = await fetchIt();
    expect(Buffer.from(await ok.response.arrayBuffer()).equals(Buffer.from(text))).toBe(true);
    const [name] = readdirSync(uploadsDir()).filter((n) => !n.startsWith("."));
    const file = path.join(uploadsDir(), name);
    expect(readFileSync(file).includes(Buffer.from(text.slice(0, 60)))).toBe(false);
    const bytes = readFileSync(file);
    bytes[60] ^= 0x80;
    writeFileSync(file, bytes);
    const refused = await fetchIt();
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "upload_tampered" });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "upload.tamper_detected"));
    expect(events).toMatchObject([{ objectType: "training_material", objectId: materialId, actorId: t.pm.id }]);
  });
});

describe("a key rotation", () => {
  // Any text column stands for a sealed one here: the rotation is written over the list, not a table.
  const sealedNames: SealedColumn = { label: "names", table: users, id: users.id, value: users.name, key: "name" };

  it("interrupted after some files, resumes: all stays readable, the previous key goes at the end", async () => {
    const texts = Array.from({ length: 5 }, () => secretText());
    const versions = [];
    for (const text of texts) versions.push(await upload(text));
    await db
      .update(users)
      .set({ name: sealText("JBSWY3DPEHPK3PXP") })
      .where(eq(users.id, w.pm.id));
    const oldKey = keyName(keyring().current);

    const interrupted = await rotateKeys(db, { columns: [sealedNames], limit: 2 });
    expect(interrupted).toMatchObject({ start: "started", previousKey: oldKey, previousRemoved: false });
    expect(interrupted.uploads).toMatchObject({ resealed: 2, complete: false });
    expect(interrupted.leftUnderPrevious).toBe(4); // three files and the value
    expect(existsSync(path.join(dataDir, "encryption.key.previous"))).toBe(true);
    // Mid-way, every file is readable: the server reads the new key files without a restart.
    for (const [i, versionId] of versions.entries()) {
      expect((await download(versionId)).bytes.equals(Buffer.from(texts[i]))).toBe(true);
    }

    const second = await rotateKeys(db, { columns: [sealedNames] });
    expect(second).toMatchObject({ start: "resumed", leftUnderPrevious: 0, previousRemoved: true });
    expect(second.uploads.resealed).toBe(3);
    expect(second.columns).toEqual([{ label: "names", values: expect.any(Number), resealed: 1, broken: 0 }]);
    expect(existsSync(path.join(dataDir, "encryption.key.previous"))).toBe(false);
    const ring = keyring();
    expect(keyName(ring.current)).not.toBe(oldKey);
    expect(ring.others).toEqual([]);
    for (const [i, versionId] of versions.entries()) {
      expect(sealedBy(readFileSync(await storedFile(versionId)), ring)).toBe("current");
      expect((await download(versionId)).bytes.equals(Buffer.from(texts[i]))).toBe(true);
    }
    const pm = await first(db.select().from(users).where(eq(users.id, w.pm.id)));
    expect(openText(pm!.name)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("runs one at a time: a live run's lock refuses a second run, a dead run's lock is taken over", async () => {
    const versionId = await upload(secretText());
    const lock = path.join(dataDir, "encryption.key.rotating");
    writeFileSync(lock, String(process.ppid));
    const before = keyName(keyring().current);
    await expect(rotateKeys(db)).rejects.toThrow(`Another key rotation is running (process ${process.ppid})`);
    expect(keyName(keyring().current)).toBe(before);
    writeFileSync(lock, "2147483646");
    expect(await rotateKeys(db)).toMatchObject({ start: "started", previousRemoved: true });
    expect(existsSync(lock)).toBe(false);
    expect((await download(versionId)).status).toBe(200);
  });

  it("keeps the previous key while a file sealed under it fails to open", async () => {
    const versionId = await upload(secretText());
    await rotateKeys(db, { limit: 0 });
    const file = await storedFile(versionId);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 0x01;
    writeFileSync(file, bytes);
    const report = await rotateKeys(db);
    expect(report).toMatchObject({ start: "resumed", leftUnderPrevious: 1, previousRemoved: false });
    expect(report.uploads.broken).toEqual([path.basename(file)]);
    expect(existsSync(path.join(dataDir, "encryption.key.previous"))).toBe(true);
  });
});

describe("the start's migration", () => {
  it("seals the plaintext uploads of before, once; a second start does nothing", async () => {
    const text = secretText();
    const versionId = await upload(text);
    const file = await storedFile(versionId);
    writeFileSync(file, text); // as a version before encryption at rest stored it
    const untouched = path.join(uploadsDir(), `${randomUUID()}.bin`);
    writeFileSync(untouched, Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(64)]));

    expect(prepareUploadsAtRest()).toEqual(["Encrypted 2 of 2 uploads written before encryption at rest."]);
    expect(isSealed(readFileSync(file))).toBe(true);
    expect(readFileSync(file).includes(Buffer.from(text.slice(0, 60)))).toBe(false);
    expect((await download(versionId)).bytes.equals(Buffer.from(text))).toBe(true);

    const sealed = readFileSync(file);
    expect(prepareUploadsAtRest()).toEqual([]);
    expect(readFileSync(file).equals(sealed)).toBe(true);
    expect(readdirSync(uploadsDir()).filter((name) => name.startsWith("."))).toEqual([]);
  });
});

describe("a key rotation with the default sealed columns", () => {
  it("re-seals an enrolled two-factor key, still the same key after the previous one is gone", async () => {
    const { key } = await startEnrolment(db, { actor: w.pm, ip: "127.0.0.1", userAgent: "vitest" });
    const stored = async () =>
      (await first(db.select().from(twoFactorAccounts).where(eq(twoFactorAccounts.userId, w.pm.id))))!;
    const before = await stored();
    expect(openText(before.pendingSecret!)).toBe(key.replace(/\s/g, ""));
    const report = await rotateKeys(db);
    expect(report).toMatchObject({ leftUnderPrevious: 0, previousRemoved: true });
    expect(report.columns.find((c) => c.label === "two-factor keys being set up")).toMatchObject({ resealed: 1 });
    const after = await stored();
    expect(after.pendingSecret).not.toBe(before.pendingSecret);
    expect(sealedBy(Buffer.from(after.pendingSecret!, "base64"), keyring())).toBe("current");
    expect(openText(after.pendingSecret!)).toBe(key.replace(/\s/g, ""));
  });
});
