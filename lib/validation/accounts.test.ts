import { describe, expect, it } from "vitest";
import { acceptAccountLinkSchema, changePasswordSchema, inviteAccountSchema } from "./accounts";

const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.path.join("."));

describe("account schemas", () => {
  it.each([
    {
      name: "a good new password",
      input: { token: "t", newPassword: "long enough pw", confirmPassword: "long enough pw" },
      errors: [],
    },
    {
      name: "too short",
      input: { token: "t", newPassword: "short", confirmPassword: "short" },
      errors: ["newPassword"],
    },
    {
      name: "not confirmed",
      input: { token: "t", newPassword: "long enough pw", confirmPassword: "long enough px" },
      errors: ["confirmPassword"],
    },
    {
      name: "no token",
      input: { token: "", newPassword: "long enough pw", confirmPassword: "long enough pw" },
      errors: ["token"],
    },
  ])("accepting a link: $name", ({ input, errors }) => {
    expect(errorsOf(acceptAccountLinkSchema.safeParse(input))).toEqual(errors);
  });

  it.each([
    {
      name: "a different password",
      input: { currentPassword: "given by admin", newPassword: "my own choice", confirmPassword: "my own choice" },
      errors: [],
    },
    {
      name: "the same password again",
      input: { currentPassword: "given by admin", newPassword: "given by admin", confirmPassword: "given by admin" },
      errors: ["newPassword"],
    },
  ])("changing a password: $name", ({ input, errors }) => {
    expect(errorsOf(changePasswordSchema.safeParse(input))).toEqual(errors);
  });

  it.each([
    { name: "vendor staff", input: { email: "A@X.test ", name: "A", role: "staff" }, errors: [] },
    {
      name: "a client without organisation",
      input: { email: "a@x.test", name: "A", role: "client", organizationId: "" },
      errors: ["organizationId"],
    },
    {
      name: "staff with an organisation",
      input: { email: "a@x.test", name: "A", role: "staff", organizationId: "o" },
      errors: ["organizationId"],
    },
    {
      name: "no password field needed, bad email refused",
      input: { email: "nope", name: "A", role: "admin" },
      errors: ["email"],
    },
  ])("inviting: $name", ({ input, errors }) => {
    expect(errorsOf(inviteAccountSchema.safeParse(input))).toEqual(errors);
  });
});
