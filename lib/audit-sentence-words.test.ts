// The audit trail's catalogue cannot drift from the domain: every phrase of AUDIT_PHRASES, in every
// shape its object can take (a title, a gate, a noun, nothing), said from messages/en/auditSentences.json
// must be exactly the domain's English sentence, emphasis included. Spanish and Polish are checked on
// representative events, and every phrase must render in them with every value given.
import { beforeAll, describe, expect, it } from "vitest";
import {
  actionLabel,
  auditChanges,
  AUDIT_PHRASES,
  describeAuditEvent,
  englishNoun,
  fieldLabel,
  humanizeValue,
  sentenceText,
} from "@/lib/domain/audit-sentence";
import type { AuditSentenceInput } from "@/lib/domain/audit-sentence";
import { formatFor } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { auditWordsFor, FIELDS, nameWords, NOUNS, PHRASES, VALUES, type AuditWords } from "@/lib/audit-words";
import { sayAuditChanges, sayAuditEvent, valueWords } from "@/lib/audit-sentence-words";
import { ACTIONS, auditFilterLabelsFor, humanizeType, OBJECT_TYPES } from "@/lib/audit-filter-words";

const words = {} as Record<Locale, AuditWords>;
beforeAll(async () => {
  for (const locale of ["en", "es", "pl"] as const) words[locale] = await auditWordsFor(locale);
});

const AFTER = {
  version: 3,
  status: "on_hold",
  decision: "conditional_go",
  vote: "go",
  currentGate: 5,
  chosenLevel: "L2",
  result: "fail",
};
/** With a scenario title, which also stands as the object's recorded title. */
const TITLED = { ...AFTER, title: "Move-in" };

/** Every shape a sentence's object and context can take. */
const SHAPES: [string, Omit<AuditSentenceInput, "action">][] = [
  [
    "a title, on a gate of a project",
    {
      objectType: "artifact",
      before: null,
      after: TITLED,
      names: { actor: "Paula Martins", object: "Statement of Work", gate: 7, project: "Stadtwerke tariffs" },
    },
  ],
  [
    "no title: a noun, or nothing",
    { objectType: "interface", before: null, after: AFTER, names: { actor: "Ada", object: null } },
  ],
  ["a gate", { objectType: "gate", before: null, after: AFTER, names: { actor: "Ada", object: "Kickoff", gate: 4 } }],
  [
    "a one-of-a-kind object, by the system",
    { objectType: "go_live_acceptance", before: null, after: AFTER, names: { actor: null, object: "x", project: "P" } },
  ],
  [
    "an unknown object type",
    { objectType: "thing_part", before: null, after: AFTER, names: { actor: "Ada", object: null } },
  ],
];

const EVERY_ACTION = [...Object.keys(AUDIT_PHRASES), "user.invitation.send"];
const CASES = EVERY_ACTION.flatMap((action) =>
  SHAPES.map(([shape, rest]) => ({ action, shape, input: { action, ...rest } })),
);

describe("the English catalogue says exactly the domain's sentence", () => {
  it("has a phrase for every action of the table, and no other", () => {
    expect(Object.keys(PHRASES).sort()).toEqual(Object.keys(AUDIT_PHRASES).sort());
  });

  it.each(CASES)("$action, $shape", ({ input }) => {
    expect(sayAuditEvent(words.en, input)).toEqual(describeAuditEvent(input));
  });

  it.each(Object.keys(NOUNS))("names the object type %s as the domain does", (type) => {
    expect(sentenceText(sayAuditEvent(words.en, { ...SHAPES[1][1], objectType: type, action: "x.y" }))).toBe(
      `Ada did “x y” on ${englishNoun(type)}`,
    );
  });

  it("says every enum value and field label as the domain does", () => {
    for (const raw of Object.keys(VALUES)) expect(valueWords(words.en, raw)).toBe(humanizeValue(raw));
    for (const field of Object.keys(FIELDS)) expect(FIELDS[field](words.en.field)).toBe(fieldLabel(field));
  });

  it("lists the changes as the domain does, dates through the formatter", () => {
    const before = { status: "active", modules: ["billing"], owner: "", plannedDate: "2026-12-04" };
    const after = { status: "on_hold", modules: ["billing", "crm"], conditions: [{ text: "a" }], owner: null };
    const domain = auditChanges(before, after).map((c) =>
      c.field === "plannedDate" ? { ...c, from: "4 Dec 2026" } : c,
    );
    expect(sayAuditChanges(words.en, formatFor("en", "UTC"), before, after)).toEqual(domain);
  });

  it("builds the names the data layer used to write in English", () => {
    const en = words.en;
    expect([
      nameWords.sprint(en, 3),
      nameWords.sprint(en, null),
      nameWords.release(en, 2, "Tariffs"),
      nameWords.releaseNumber(en, 2),
      nameWords.baselineVersion(en, 4),
      nameWords.trainingSession(en, "Billing basics", "4 Dec 2026"),
      nameWords.validationRun(en, "homologation"),
      nameWords.milestoneOfSprint(en, 3),
      nameWords.milestoneOfSprint(en, null),
      nameWords.selection(en),
      nameWords.policyVersion(en, "Light gating", 2),
      nameWords.statusReportWeek(en, "23 Nov 2026"),
    ]).toEqual([
      "Sprint 3",
      "a sprint",
      "Release 2 (Tariffs)",
      "Release 2",
      "version 4",
      "the Billing basics session of 4 Dec 2026",
      "the homologation run",
      "of Sprint 3",
      "of a sprint",
      "the selection",
      "Light gating, version 2",
      "of the week of 23 Nov 2026",
    ]);
  });
});

describe.each(["es", "pl"] as const)("in %s", (locale) => {
  it("says every phrase in every shape, every value given, none left in English", () => {
    for (const { action, shape, input } of CASES) {
      const text = sentenceText(sayAuditEvent(words[locale], input));
      expect(text, `${action}, ${shape}`).not.toMatch(/[{}\uE000-\uE002]/);
      expect(text, `${action}, ${shape}`).not.toBe(sentenceText(describeAuditEvent(input)));
    }
  });

  it("has a word for every object type, value and field", () => {
    for (const type of Object.keys(NOUNS)) expect(NOUNS[type](words[locale].noun)).not.toBe(englishNoun(type));
    for (const raw of Object.keys(VALUES).filter((v) => !["go", "integrator"].includes(v)))
      expect(valueWords(words[locale], raw), raw).not.toBe(humanizeValue(raw));
  });
});

const approve: AuditSentenceInput = {
  action: "artifact.approve",
  objectType: "artifact",
  before: null,
  after: null,
  names: { actor: "Paula Martins", object: "Statement of Work", gate: 7, project: "Stadtwerke tariffs" },
};

describe("representative events", () => {
  it.each<[Locale, AuditSentenceInput, string]>([
    ["es", approve, "Paula Martins aprobó Statement of Work en la puerta 7 del proyecto Stadtwerke tariffs"],
    ["pl", approve, "Paula Martins: zatwierdzenie Statement of Work na bramce 7 w projekcie Stadtwerke tariffs"],
    [
      "es",
      {
        ...approve,
        action: "gate.vote",
        objectType: "gate",
        after: { vote: "conditional_go" },
        names: { actor: "Ana", object: null, gate: 7 },
      },
      "Ana votó “go condicional” en la puerta 7",
    ],
    [
      "pl",
      {
        ...approve,
        action: "gate.vote",
        objectType: "gate",
        after: { vote: "conditional_go" },
        names: { actor: "Ana", object: null, gate: 7 },
      },
      "Ana: głos „zatwierdzenie warunkowe” w sprawie bramki 7",
    ],
    [
      "es",
      {
        ...approve,
        action: "status_report.generate",
        objectType: "status_report",
        names: { actor: null, object: "de la semana del 23 nov 2026" },
      },
      "El sistema generó el informe de estado de la semana del 23 nov 2026",
    ],
    [
      "pl",
      {
        ...approve,
        action: "status_report.generate",
        objectType: "status_report",
        names: { actor: null, object: "za tydzień od 23 lis 2026" },
      },
      "System: wygenerowanie raportu statusu za tydzień od 23 lis 2026",
    ],
    [
      "es",
      {
        ...approve,
        action: "interface.delete",
        objectType: "interface",
        names: { actor: "Paula Martins", object: null },
      },
      "Paula Martins eliminó la interfaz",
    ],
    [
      "pl",
      { ...approve, action: "sprint.accept", objectType: "sprint", names: { actor: "Jonas Weber", object: null } },
      "Jonas Weber: akceptacja sprintu",
    ],
    [
      "es",
      {
        ...approve,
        action: "user.invitation.send",
        objectType: "user",
        names: { actor: "Ada Admin", object: "Tom Neu" },
      },
      "Ada Admin realizó la acción “user invitation send” sobre Tom Neu",
    ],
    [
      "pl",
      { ...approve, action: "thing.poke", objectType: "thing_part", names: { actor: "Ada Admin", object: null } },
      "Ada Admin: działanie „thing poke” dotyczące obiektu „thing part”",
    ],
  ])("%s: %s", (locale, input, expected) => {
    expect(sentenceText(sayAuditEvent(words[locale], input))).toBe(expected);
  });

  it.each<[Locale, string[]]>([
    ["es", ["Paula Martins aprobó ", "*Statement of Work", " en la puerta 7 del proyecto ", "*Stadtwerke tariffs"]],
    ["pl", ["Paula Martins: zatwierdzenie ", "*Statement of Work", " na bramce 7 w projekcie ", "*Stadtwerke tariffs"]],
  ])("keeps the titles emphasised in %s", (locale, parts) => {
    expect(sayAuditEvent(words[locale], approve).map((p) => (p.emphasis ? `*${p.text}` : p.text))).toEqual(parts);
  });

  it.each<[Locale, string[]]>([
    ["es", ["Estado", "activo", "en pausa", "Fecha prevista", "4 dic 2026", "—", "Condiciones", "1 elemento"]],
    ["pl", ["Status", "aktywny", "wstrzymany", "Planowana data", "4 gru 2026", "—", "Warunki", "1 element"]],
  ])("lists changes in %s: labels, enum values and dates in the reader's words", (locale, expected) => {
    const [status, planned, conditions] = sayAuditChanges(
      words[locale],
      formatFor(locale, "UTC"),
      { status: "active", plannedDate: "2026-12-04" },
      { status: "on_hold", plannedDate: null, conditions: [{ text: "a" }] },
    );
    expect([
      status.label,
      status.from,
      status.to,
      planned.label,
      planned.from,
      planned.to,
      conditions.label,
      conditions.to,
    ]).toEqual(expected);
  });

  it.each<[Locale, number, string]>([
    ["pl", 1, "1 element"],
    ["pl", 3, "3 elementy"],
    ["pl", 5, "5 elementów"],
    ["es", 2, "2 elementos"],
    ["en", 2, "2 items"],
  ])("counts nested values in %s: %i → %s", (locale, count, expected) => {
    expect(
      valueWords(
        words[locale],
        Array.from({ length: count }, () => ({ a: 1 })),
      ),
    ).toBe(expected);
  });

  it("keeps free text and unknown fields as written", () => {
    const [change] = sayAuditChanges(words.pl, formatFor("pl", "UTC"), null, { frobnicationLevel: "Meter reads" });
    expect(change).toEqual({ field: "frobnicationLevel", label: "Frobnication level", from: null, to: "Meter reads" });
  });
});

describe("the filters' labels", () => {
  it("say, in English, exactly the domain's action label and the humanized type", async () => {
    const en = await auditFilterLabelsFor("en");
    for (const action of Object.keys(ACTIONS)) expect(en.action(action)).toBe(actionLabel(action));
    for (const type of Object.keys(OBJECT_TYPES)) expect(en.objectType(type)).toBe(humanizeType(type));
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(AUDIT_PHRASES).sort());
  });

  it.each<[Locale, string, string]>([
    ["es", "Puerta: cambio de voto", "Elemento de alcance"],
    ["pl", "Bramka: zmiana głosu", "Element zakresu"],
  ])("say them in %s, and keep the English of an action they do not know", async (locale, vote, scope) => {
    const labels = await auditFilterLabelsFor(locale);
    expect([
      labels.action("gate.vote.change"),
      labels.objectType("scope_item"),
      labels.action("user.invitation.send"),
    ]).toEqual([vote, scope, "User: invitation send"]);
  });
});
