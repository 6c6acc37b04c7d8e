// Codes for accounts with two-factor sign-in, as an authenticator app computes them (RFC 6238). A code is
// accepted once per account and 30-second step, so every code handed out is remembered per account in a
// file beside the saved sessions; a second sign-in within the same step waits for the next step instead
// of being refused as a replay. Setup and specs run in turn for one account, so this never flakes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";

const STEP_MS = 30_000;
const stepFile = (email: string) => `e2e/.auth/${process.env.E2E_PORT || 3100}-last-code-${email}.txt`;

export function codeAt(key: string, step: number): string {
  return generateHOTP(decodeBase32IgnorePadding(key.replace(/\s/g, "").toUpperCase()), BigInt(step), 6);
}

/** A code of a step no earlier sign-in of this account used: waits for the next step when needed. */
export async function freshCode(key: string, email: string): Promise<string> {
  const file = stepFile(email);
  const last = existsSync(file) ? Number(readFileSync(file, "utf8")) : -1;
  let step = Math.floor(Date.now() / STEP_MS);
  if (step <= last) {
    // Wait until the next step has begun (plus a margin so the server's clock agrees).
    await new Promise((resolve) => setTimeout(resolve, (last + 1) * STEP_MS - Date.now() + 500));
    step = Math.floor(Date.now() / STEP_MS);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, String(step));
  return codeAt(key, step);
}
