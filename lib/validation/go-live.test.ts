import { describe, expect, it } from "vitest";
import { signGoLiveInput } from "@/lib/contract/go-live";
import { handoverFormSchema } from "./go-live";

const projectId = "7d0c2a4e-8a43-4a57-9f43-3e0f6f1f9b11";

describe("handoverFormSchema", () => {
  it.each([
    {
      name: "name and email",
      contacts: "Helpdesk <help@vendor.example>",
      expected: [{ name: "Helpdesk", email: "help@vendor.example" }],
    },
    {
      name: "with phone and role, two lines",
      contacts: "Helpdesk <help@vendor.example>, +49 40 1234, 1st level\r\nTomás Rivera <pm2@demo.test>",
      expected: [
        { name: "Helpdesk", email: "help@vendor.example", phone: "+49 40 1234", role: "1st level" },
        { name: "Tomás Rivera", email: "pm2@demo.test" },
      ],
    },
  ])("$name", ({ contacts, expected }) => {
    const parsed = handoverFormSchema.parse({
      projectId,
      handoverDate: "2026-06-01",
      supportContacts: contacts,
      openItems: "One\n\n Two ",
    });
    expect(parsed.supportContacts).toEqual(expected);
    expect(parsed.openItems).toEqual(["One", "Two"]);
  });

  it.each([
    { name: "no email", contacts: "Helpdesk", field: "supportContacts" },
    { name: "a bad email", contacts: "Helpdesk <not-an-email>", field: "supportContacts" },
    { name: "nothing", contacts: "", field: "supportContacts" },
  ])("refuses $name with an error on $field", ({ contacts, field }) => {
    const parsed = handoverFormSchema.safeParse({
      projectId,
      handoverDate: "2026-06-01",
      supportContacts: contacts,
      openItems: "",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.some((i) => i.path[0] === field)).toBe(true);
  });

  it("refuses an impossible date", () => {
    expect(
      handoverFormSchema.safeParse({
        projectId,
        handoverDate: "2026-02-30",
        supportContacts: "A <a@b.example>",
        openItems: "",
      }).success,
    ).toBe(false);
  });
});

describe("signOffSchema", () => {
  it.each([
    { name: "password and statement", input: { projectId, password: "x", statement: "We accept." }, ok: true },
    { name: "no password", input: { projectId, password: "", statement: "We accept." }, ok: false },
    { name: "no statement", input: { projectId, password: "x", statement: " " }, ok: false },
  ])("$name → $ok", ({ input, ok }) => {
    expect(signGoLiveInput.safeParse(input).success).toBe(ok);
  });
});
