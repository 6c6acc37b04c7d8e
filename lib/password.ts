import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimums (19 MiB, 2 iterations).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A valid argon2id hash verified against in place of a missing one, its answer discarded, so the time taken is the
 * same. */
export const DUMMY_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$IUdj1b4mPzO3loksa6AQnA$azfZS1E1bnOCIW+hwhOb0YEiZZ7kAwIc3NikljXtkvk";

/** What an invited account stores until its person chooses a password: never matches anything. */
export const NO_PASSWORD = "";

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // An account without a password still costs a full verification, so timing does not tell
  // an invited account from one with a wrong password.
  const usable = passwordHash !== NO_PASSWORD;
  try {
    const matches = await verify(usable ? passwordHash : DUMMY_PASSWORD_HASH, password);
    return usable && matches;
  } catch {
    return false;
  }
}

export const PASSWORD_MIN_LENGTH = 10;
