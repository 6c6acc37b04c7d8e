// Policies and the quality scale in several languages (issue 14 point 3), against a real database:
// the seeded templates reach a Spanish reader in Spanish, an admin's Spanish text is published and
// reaches new projects, a Polish reader without a Polish text gets the English one flagged, and
// nobody but an administrator edits either.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, type PolicyGate } from "@/db/schema";
import { gateDetail } from "@/lib/data/gate-views";
import { getPolicyVersion, listPolicies, publishPolicyVersion } from "@/lib/data/policies";
import { levelTexts } from "@/lib/data/policy-texts";
import { listPublishedPolicies } from "@/lib/data/published-policies";
import { ensureDefaultQualityScale, loadScale, toLevels, updateLevel } from "@/lib/data/quality-scale";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeProject, makeWorld } from "@/lib/testing/fixtures";

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeEach(async () => {
  db = await createTestDb();
  world = await makeWorld(db);
});

const defaultPolicy = async () => (await listPolicies(db, world.admin))[0];
const latestGates = async (): Promise<PolicyGate[]> => {
  const policy = await defaultPolicy();
  return JSON.parse(JSON.stringify((await getPolicyVersion(db, world.admin, policy.versions[0].id)).gates));
};

async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "none";
}

describe("the seeded policy in three languages", () => {
  it("shows a project's gate and artifacts in Spanish to a Spanish reader, in English without a reader", async () => {
    const es = await gateDetail(db, world.pm, world.project.id, 7, "es");
    expect(es.gate.name).toBe("Arranque del proyecto con la organización contratante");
    expect(es.gate.nameUntranslated).toBeNull();
    expect(es.gate.artifacts.find((a) => a.type === "statement_of_work")?.title).toBe("Declaración de trabajo (SOW)");
    const pl = await gateDetail(db, world.pm, world.project.id, 7, "pl");
    expect(pl.gate.name).toBe("Rozpoczęcie projektu z organizacją zamawiającą");
    const source = await gateDetail(db, world.pm, world.project.id, 7);
    expect(source.gate.name).toBe("Project kickoff with the contracting organisation");
    expect(source.gate.nameUntranslated).toBeUndefined();
  });

  it("publishes the templates with their languages, the source first", async () => {
    const [light] = await listPublishedPolicies(db, world.pm, undefined, "es");
    expect(light.languages).toEqual(["en", "es", "pl"]);
    expect(light.gates[0]).toMatchObject({ number: 7, name: "Arranque del proyecto con la organización contratante" });
    expect(light.gates[0].translations.pl?.name).toBe("Rozpoczęcie projektu z organizacją zamawiającą");
  });
});

describe("an administrator edits a policy's languages", () => {
  it("publishes a Spanish text; a Polish reader without a Polish one gets the English text flagged", async () => {
    const gates = await latestGates();
    const gate7 = gates.find((g) => g.number === 7)!;
    gate7.translations = { es: { ...gate7.translations?.es, name: "Arranque con el cliente" } };
    const v2 = await publishPolicyVersion(db, ctxFor(world.admin), {
      policyId: (await defaultPolicy()).id,
      basedOnVersion: 1,
      note: "Spanish wording",
      gates,
    });
    expect(v2.changes).toEqual(["Gate 7: translations changed (es, pl)"]);
    // Spanish and Polish are kept where texts remain (other gates still have both).
    expect(v2.languages).toEqual(["en", "es", "pl"]);

    // The audit names languages by code, never a translated text.
    const event = (await db.select().from(auditEvents).where(eq(auditEvents.objectId, v2.id)))[0];
    expect(JSON.stringify(event.after)).not.toContain("Arranque con el cliente");
    expect(event.after).toMatchObject({ languages: ["en", "es", "pl"] });

    const fresh = await makeProject(db, world.pm, world.org.id);
    const es = await gateDetail(db, world.pm, fresh.id, 7, "es");
    expect(es.gate.name).toBe("Arranque con el cliente");
    expect(es.gate.nameUntranslated).toBeNull();
    const pl = await gateDetail(db, world.pm, fresh.id, 7, "pl");
    expect(pl.gate.name).toBe("Project kickoff with the contracting organisation");
    expect(pl.gate.nameUntranslated).toBe("en");
    // The running project keeps version 1's texts.
    expect((await gateDetail(db, world.pm, world.project.id, 7, "es")).gate.name).toBe(
      "Arranque del proyecto con la organización contratante",
    );
  });

  it("refuses a staff member or a client publishing a policy", async () => {
    for (const actor of [world.pm, world.owner]) {
      const gates = await latestGates();
      gates[0].translations = { es: { name: "Otro nombre" } };
      const code = await codeOf(
        async () =>
          await publishPolicyVersion(db, ctxFor(actor), {
            policyId: (await defaultPolicy()).id,
            basedOnVersion: 1,
            note: "",
            gates,
          }),
      );
      expect(code).toBe("forbidden");
    }
  });
});

describe("an administrator edits the quality scale's languages", () => {
  it("saves a Spanish level name; a Polish reader without one reads the English name flagged", async () => {
    await ensureDefaultQualityScale(db);
    const qs2 = (await loadScale(db)).find((l) => l.level === "QS2")!;
    expect(levelTexts(qs2, "es").name).toBe("Versión estándar");
    await updateLevel(db, ctxFor(world.admin), {
      standardId: qs2.id,
      name: qs2.name,
      purpose: qs2.purpose,
      minPoints: qs2.minPoints,
      translations: { es: { name: "Entrega estándar", purpose: "" }, pl: { name: " ", purpose: "" } },
    });
    const saved = (await loadScale(db)).find((l) => l.level === "QS2")!;
    expect(saved.translations).toEqual({ es: { name: "Entrega estándar" } });
    expect(levelTexts(saved, "es")).toMatchObject({ name: "Entrega estándar", nameUntranslated: null });
    expect(levelTexts(saved, "pl")).toMatchObject({ name: "Standard release", nameUntranslated: "en" });
    expect(toLevels(await loadScale(db), "es").find((l) => l.level === "QS2")?.name).toBe("Entrega estándar");
  });

  it("refuses a non-administrator", async () => {
    await ensureDefaultQualityScale(db);
    const qs2 = (await loadScale(db)).find((l) => l.level === "QS2")!;
    const code = await codeOf(() =>
      updateLevel(db, ctxFor(world.pm), {
        standardId: qs2.id,
        name: qs2.name,
        purpose: qs2.purpose,
        minPoints: qs2.minPoints,
        translations: { es: { name: "Nombre" } },
      }),
    );
    expect(code).toBe("forbidden");
    expect((await loadScale(db)).find((l) => l.level === "QS2")?.translations.es?.name).toBe("Versión estándar");
  });
});
