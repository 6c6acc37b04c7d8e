// Artifact files on disk: checked (size, type allow-list, content signature), hashed (SHA-256 of
// the plaintext), sealed (AES-256-GCM under the data key, lib/secret-box.ts) and stored under a
// generated name in uploadsDir(); never served inline. No plaintext of an upload touches the disk:
// the bytes are sealed in memory and written atomically, so even a half-written file is sealed.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "@/lib/atomic-file";
import { uploadsDir } from "@/lib/env";
import { AppError, type Saying } from "@/lib/errors";
import { KeyFileError } from "@/lib/key-files";
import { openBytes, SealBroken, sealBytes } from "@/lib/secret-box";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OFFICE = "application/vnd.openxmlformats-officedocument";

/** Extension → the media type we store and serve, and the bytes a real file of that type starts with. */
export const ALLOWED_TYPES: Record<string, { mediaType: string; signature?: number[]; text?: boolean }> = {
  pdf: { mediaType: "application/pdf", signature: [0x25, 0x50, 0x44, 0x46] },
  png: { mediaType: "image/png", signature: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mediaType: "image/jpeg", signature: [0xff, 0xd8, 0xff] },
  jpeg: { mediaType: "image/jpeg", signature: [0xff, 0xd8, 0xff] },
  docx: { mediaType: `${OFFICE}.wordprocessingml.document`, signature: ZIP },
  xlsx: { mediaType: `${OFFICE}.spreadsheetml.sheet`, signature: ZIP },
  pptx: { mediaType: `${OFFICE}.presentationml.presentation`, signature: ZIP },
  zip: { mediaType: "application/zip", signature: ZIP },
  txt: { mediaType: "text/plain; charset=utf-8", text: true },
  md: { mediaType: "text/markdown; charset=utf-8", text: true },
  csv: { mediaType: "text/csv; charset=utf-8", text: true },
};

export const ACCEPT_ATTRIBUTE = Object.keys(ALLOWED_TYPES)
  .map((e) => `.${e}`)
  .join(",");

export type StoredFile = { fileName: string; storedName: string; sha256: string; size: number; mediaType: string };

const tooLarge = () =>
  new AppError(
    "payload_too_large",
    `Files are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
    "upload_too_large",
    {
      fieldErrors: { file: [`Files are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`] },
    },
    { problem: "fileTooLarge", params: { megabytes: MAX_UPLOAD_BYTES / 1024 / 1024 } },
  );

const unsupported = (message: string, saying: Saying) =>
  new AppError(
    "unsupported_media_type",
    message,
    "upload_type_not_allowed",
    { fieldErrors: { file: [message] } },
    saying,
  );

/** Refuses early when the declared request size already exceeds the limit (plus multipart overhead). */
export function assertContentLength(header: string | null): void {
  const length = Number(header ?? 0);
  if (Number.isFinite(length) && length > MAX_UPLOAD_BYTES + 64 * 1024) throw tooLarge();
}

/** A safe display name: no path, no control characters, bounded length. */
function cleanName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, "/"))
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim();
  return (base || "file").slice(0, 200);
}

/** Checks the file and the bytes; the type comes from the allow-list, never from the browser. */
export function inspectUpload(name: string, bytes: Buffer): Omit<StoredFile, "storedName"> {
  if (bytes.length > MAX_UPLOAD_BYTES) throw tooLarge();
  if (bytes.length === 0) {
    throw new AppError(
      "invalid_input",
      "The file is empty.",
      "upload_empty",
      {
        fieldErrors: { file: ["The file is empty."] },
      },
      { problem: "fileEmpty" },
    );
  }
  const fileName = cleanName(name);
  const extension = fileName.includes(".") ? fileName.split(".").pop()!.toLowerCase() : "";
  const allowed = ALLOWED_TYPES[extension];
  if (!allowed) {
    throw unsupported(
      `Files of type “.${extension || "?"}” are not accepted. Allowed: ${Object.keys(ALLOWED_TYPES).join(", ")}.`,
      {
        problem: "fileTypeNotAccepted",
        params: { extension: extension || "?", allowed: Object.keys(ALLOWED_TYPES).join(", ") },
      },
    );
  }
  if (allowed.signature && !allowed.signature.every((byte, i) => bytes[i] === byte)) {
    throw unsupported(`The file's content is not a real .${extension} file.`, {
      problem: "fileNotRealType",
      params: { extension },
    });
  }
  if (allowed.text && bytes.subarray(0, 8192).includes(0)) {
    throw unsupported(`The file's content is not text, as a .${extension} file must be.`, {
      problem: "fileNotText",
      params: { extension },
    });
  }
  return {
    fileName,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    size: bytes.length,
    mediaType: allowed.mediaType,
  };
}

/**
 * Seals the bytes and writes them under a generated name. Call before the transaction; discard it if
 * the transaction fails.
 */
export function storeUpload(name: string, bytes: Buffer): StoredFile {
  const inspected = inspectUpload(name, bytes);
  const storedName = `${randomUUID()}.bin`;
  writeFileAtomic(path.join(uploadsDir(), storedName), sealBytes(bytes), 0o600);
  return { ...inspected, storedName };
}

export function discardUpload(storedName: string): void {
  rmSync(path.join(uploadsDir(), path.basename(storedName)), { force: true });
}

/** A stored file whose seal does not open: its bytes were altered (or replaced) after it was written. */
export class UploadTampered extends AppError {
  constructor(readonly storedName: string) {
    super(
      "conflict",
      "This file was altered after it was stored, so it is not handed out. The administrators have been told " +
        "through the audit trail; restore the file from a backup.",
      "upload_tampered",
      undefined,
      { problem: "uploadTampered" },
    );
  }
}

/** The plaintext of a stored file: opened and checked by its authentication tag. */
export function readUpload(storedName: string): Buffer {
  const sealed = readFileSync(path.join(uploadsDir(), path.basename(storedName)));
  try {
    return openBytes(sealed);
  } catch (error) {
    if (error instanceof SealBroken) throw new UploadTampered(storedName);
    if (error instanceof KeyFileError) {
      throw new AppError(
        "internal",
        "This file was sealed with an encryption key this server does not have; start it with the right key.",
        "upload_key_missing",
        undefined,
        { problem: "uploadKeyMissing" },
      );
    }
    throw error;
  }
}

/** Headers that make a browser save the file, never render it. */
export function attachmentHeaders(file: { fileName: string; mediaType: string; size: number }): Record<string, string> {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return {
    "content-type": file.mediaType,
    "content-length": String(file.size),
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "private, no-store",
  };
}
