import { describe, expect, it } from "vitest";
import { TEST_PASSWORD, TEST_PASSWORD_HASH } from "@/lib/testing/fixtures";
import { NO_PASSWORD, verifyPassword } from "./password";

describe("verifyPassword", () => {
  it.each([
    { name: "the right password", hash: TEST_PASSWORD_HASH, password: TEST_PASSWORD, ok: true },
    { name: "a wrong password", hash: TEST_PASSWORD_HASH, password: "nope", ok: false },
    { name: "an account without a password, empty input", hash: NO_PASSWORD, password: "", ok: false },
    {
      name: "an account without a password, the dummy's own password",
      hash: NO_PASSWORD,
      password: TEST_PASSWORD,
      ok: false,
    },
    { name: "a malformed stored hash", hash: "not-a-hash", password: "x", ok: false },
  ])("$name → $ok", async ({ hash, password, ok }) => {
    expect(await verifyPassword(hash, password)).toBe(ok);
  });
});
