import { describe, expect, it } from "vitest";
import { loadMessages } from "@/messages/catalogue";
import { defaultAcceptanceStatement } from "./go-live-statement";

describe("defaultAcceptanceStatement", () => {
  it.each([
    ["en", "We, the undersigned, accept the platform for production use. The homologation and production validation "],
    ["es", "Los abajo firmantes aceptamos la plataforma para su uso en producción. Las rondas de validación "],
    ["pl", "My, niżej podpisani, akceptujemy platformę do użytku produkcyjnego. Rundy walidacji "],
  ] as const)("in %s", async (locale, start) => {
    const statement = defaultAcceptanceStatement({ locale, messages: await loadMessages(locale) });
    expect(statement.startsWith(start)).toBe(true);
  });

  it("names the project when given, in the project's language", async () => {
    const statement = defaultAcceptanceStatement({ locale: "es", messages: await loadMessages("es") }, "Meridian");
    expect(statement).toMatch(/^Los abajo firmantes aceptamos Meridian para su uso en producción\./);
  });

  it("is built from the catalogue it is given: a changed wording only changes statements proposed later", async () => {
    const messages = await loadMessages("en");
    const before = defaultAcceptanceStatement({ locale: "en", messages });
    const changed = { ...messages, goLiveStatement: { ...messages.goLiveStatement, proposed: "We accept." } };
    expect(defaultAcceptanceStatement({ locale: "en", messages: changed })).toBe("We accept.");
    expect(before).not.toBe("We accept.");
  });
});
