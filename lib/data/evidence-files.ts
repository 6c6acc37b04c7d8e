// Files attached to quality evidence (test reports, scan results). DESIGN.md §7 upload rules:
// size limit, content type checked against an allow-list, stored under a generated name with
// its SHA-256, served only as an attachment (see the download route).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { uploadsDir } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Media types a test report may have; anything else (HTML, scripts, executables) is refused. */
export const EVIDENCE_MEDIA_TYPES: Record<string, string[]> = {
  "application/pdf": [".pdf"],
  "text/plain": [".txt", ".log"],
  "text/csv": [".csv"],
  "application/json": [".json"],
  "application/xml": [".xml"],
  "text/xml": [".xml"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "application/zip": [".zip"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
};

export type EvidenceUpload = { fileName: string; mediaType: string; bytes: Buffer };
export type StoredEvidenceFile = {
  fileName: string;
  storedName: string;
  sha256: string;
  size: number;
  mediaType: string;
};

function evidenceDir(): string {
  const dir = path.join(uploadsDir(), "quality-evidence");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Keeps a display name harmless: no path, no control characters, bounded length. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, "/")).replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return (base || "evidence").slice(0, 200);
}

/** Checks the upload against the rules; the field is "file" so forms show the message beside it. */
export function checkEvidenceUpload(upload: EvidenceUpload): void {
  const fileError = (code: "payload_too_large" | "unsupported_media_type" | "invalid_input", message: string) =>
    new AppError(code, message, code === "invalid_input" ? "empty_file" : code, { fieldErrors: { file: [message] } });
  if (upload.bytes.length === 0) throw fileError("invalid_input", "The file is empty.");
  if (upload.bytes.length > MAX_EVIDENCE_BYTES) {
    throw fileError("payload_too_large", `The file is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`);
  }
  const mediaType = upload.mediaType.split(";")[0].trim().toLowerCase();
  const extensions = EVIDENCE_MEDIA_TYPES[mediaType];
  const extension = path.extname(upload.fileName).toLowerCase();
  if (!extensions || !extensions.includes(extension)) {
    throw fileError(
      "unsupported_media_type",
      "Upload a PDF, text, CSV, JSON, XML, PNG, JPEG, ZIP, XLSX or DOCX file whose name ends with its usual extension.",
    );
  }
}

/** Writes the file under a generated name; returns what the evidence row stores. */
export function storeEvidenceFile(upload: EvidenceUpload): StoredEvidenceFile {
  checkEvidenceUpload(upload);
  const storedName = randomUUID();
  writeFileSync(path.join(evidenceDir(), storedName), upload.bytes, { flag: "wx" });
  return {
    fileName: safeFileName(upload.fileName),
    storedName,
    sha256: createHash("sha256").update(upload.bytes).digest("hex"),
    size: upload.bytes.length,
    mediaType: upload.mediaType.split(";")[0].trim().toLowerCase(),
  };
}

/** Removes a file whose database row was never committed. */
export function discardEvidenceFile(storedName: string): void {
  rmSync(path.join(evidenceDir(), storedName), { force: true });
}

/** Absolute path of a stored file; stored names are generated UUIDs, never user input. */
export function evidenceFilePath(storedName: string): string | null {
  if (!/^[0-9a-f-]{36}$/.test(storedName)) return null;
  const file = path.join(evidenceDir(), storedName);
  return existsSync(file) ? file : null;
}
