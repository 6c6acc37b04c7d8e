// Two-factor sign-in (TOTP, RFC 6238) as rules: which codes are accepted, which are replays, what a
// recovery code looks like, when an enrolment has expired and who must enrol. Pure: the key, the clock
// and the last accepted time step come in; lib/data/two-factor.ts loads and stores them.
import { createHash, randomBytes } from "node:crypto";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step either side: a phone clock a little off, or a code typed as it turned over. */
export const DRIFT_STEPS = 1;
/** An enrolment not confirmed by a first code within this time is refused; a new one must start. */
export const ENROLMENT_MINUTES = 10;
export const RECOVERY_CODE_COUNT = 10;
const SECRET_BYTES = 20;

/** The RFC 6238 time step of a moment: 30-second intervals since the Unix epoch. */
export function timeStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

export function newSecret(random: (n: number) => Uint8Array = randomBytes): string {
  return encodeBase32UpperCaseNoPadding(random(SECRET_BYTES));
}

/** A base32 key as people type it: spaces, hyphens and lower case are forgiven. */
export function secretBytes(base32: string): Uint8Array {
  return decodeBase32IgnorePadding(base32.replace(/[\s-]/g, "").toUpperCase());
}

/** The key in groups of four, easier to read and type; the groups decode to the same key. */
export function groupedSecret(base32: string): string {
  return base32.match(/.{1,4}/g)?.join(" ") ?? base32;
}

export function codeAt(base32: string, step: number): string {
  return generateHOTP(secretBytes(base32), BigInt(step), TOTP_DIGITS);
}

export function keyUri(base32: string, accountName: string, issuer = "Lightgate"): string {
  return createTOTPKeyURI(issuer, accountName, secretBytes(base32), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

export type TotpVerdict = { ok: true; step: number } | { ok: false; reason: "wrong_code" | "reused_code" };

/**
 * A six-digit code against the key, within one step of drift. A code of a step at or before the last
 * accepted one is a replay (seen on the wire or over a shoulder) and refused even when it matches.
 */
export function checkTotp(base32: string, code: string, now: Date, lastStep: number | null): TotpVerdict {
  const current = timeStep(now);
  // The current step first, so a code valid now is not matched to a neighbour.
  const steps = [current, current - DRIFT_STEPS, current + DRIFT_STEPS];
  const step = steps.find((s) => constantTimeEqual(codeAt(base32, s), code));
  if (step === undefined) return { ok: false, reason: "wrong_code" };
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: "reused_code" };
  return { ok: true, step };
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

// Recovery codes: ten characters from an alphabet without look-alikes (no 0/o, 1/l/i), shown as
// "abcde-fghjk". About 48 bits each: enough against a throttled guesser, so a plain SHA-256 suffices.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const RECOVERY_LENGTH = 10;

export function newRecoveryCodes(random: (n: number) => Uint8Array = randomBytes): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    // 256 is not a multiple of the alphabet's 31 letters: draw again rather than favour the first ones.
    const letters: string[] = [];
    while (letters.length < RECOVERY_LENGTH) {
      for (const byte of random(RECOVERY_LENGTH)) {
        if (byte < 248 && letters.length < RECOVERY_LENGTH) letters.push(RECOVERY_ALPHABET[byte % 31]);
      }
    }
    return `${letters.slice(0, 5).join("")}-${letters.slice(5).join("")}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

/** What a person typed in the code field: a six-digit code, a recovery code, or neither. */
export type TypedCode = { kind: "totp"; code: string } | { kind: "recovery"; code: string } | { kind: "malformed" };

export function readTypedCode(typed: string): TypedCode {
  const compact = typed.replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  if (compact.length === RECOVERY_LENGTH && [...compact].every((c) => RECOVERY_ALPHABET.includes(c)))
    return { kind: "recovery", code: `${compact.slice(0, 5)}-${compact.slice(5)}` };
  return { kind: "malformed" };
}

export type EnrolmentState = "none" | "open" | "expired";

export function enrolmentState(startedAt: string | null, now: Date): EnrolmentState {
  if (!startedAt) return "none";
  return now.getTime() - new Date(startedAt).getTime() <= ENROLMENT_MINUTES * 60_000 ? "open" : "expired";
}

/** Why new recovery codes are refused: the first thing the person must fix, in this order. */
export type RegenerationRefusal = "two_factor_off" | "wrong_password" | "wrong_code" | "reused_code";

/**
 * Replacing the recovery codes needs proof of presence, as turning two-factor off does: the password
 * and a code. Two-factor must be on (there is nothing to replace otherwise). `code` is the verdict on
 * the typed code, null when it was not checked (the password was wrong: the code is not spent then).
 */
export function regenerationRefusal(proof: {
  enabled: boolean;
  passwordRight: boolean;
  code: { ok: true } | { ok: false; reason: "wrong_code" | "reused_code" } | null;
}): RegenerationRefusal | null {
  if (!proof.enabled) return "two_factor_off";
  if (!proof.passwordRight) return "wrong_password";
  if (!proof.code) return "wrong_code";
  return proof.code.ok ? null : proof.code.reason;
}
