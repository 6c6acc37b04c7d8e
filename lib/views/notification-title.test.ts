// Each notification kind renders, from its params, exactly the English title its writer stored
// before titles moved to the catalogue, and a Spanish and a Polish title naming the same things.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { NotificationParams } from "@/lib/data/notifications";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/messages/catalogue";
import { notificationTitle, type NotificationWords } from "./notification-title";

const words = (locale: Locale) =>
  createTranslator({
    locale,
    messages: JSON.parse(
      readFileSync(join(__dirname, "..", "..", "messages", locale, "notifications.json"), "utf8"),
    ) as Messages,
    namespace: "notificationTitle",
  }) as unknown as NotificationWords;
const en = words("en");
const es = words("es");
const pl = words("pl");

// [kind, params, the English the writer stored (lib/data/*.ts templates, filled in by hand)]
const KINDS: [string, NotificationParams, string][] = [
  [
    "artifact_needs_review",
    { artifact: "Statement of Work", version: 2, project: "Iberdrola rollout" },
    "“Statement of Work” (version 2) of Iberdrola rollout needs your review",
  ],
  [
    "artifact_approved",
    { artifact: "Statement of Work", project: "Iberdrola rollout" },
    "“Statement of Work” of Iberdrola rollout was approved",
  ],
  [
    "artifact_changes_requested",
    { artifact: "Release roadmap", project: "Iberdrola rollout" },
    "Changes requested on “Release roadmap” of Iberdrola rollout",
  ],
  [
    "escalation.raised",
    { blocking: true, severity: "critical", project: "Tauron", title: "Invoices stuck" },
    "Blocking critical escalation on Tauron: Invoices stuck",
  ],
  [
    "escalation.raised",
    { blocking: false, severity: "low", project: "Tauron", title: "Typo in a label" },
    "low escalation on Tauron: Typo in a label",
  ],
  [
    "escalation.status",
    { title: "Invoices stuck", status: "in_progress" },
    'Your escalation "Invoices stuck" is now in progress',
  ],
  [
    "escalation.status",
    { title: "Invoices stuck", status: "resolved" },
    'Your escalation "Invoices stuck" is now resolved',
  ],
  [
    "gate_submitted",
    { number: 7, name: "Project kickoff", project: "Tauron" },
    "Gate 7 “Project kickoff” of Tauron is ready for your review",
  ],
  ["gate_decided", { number: 7, project: "Tauron", decision: "conditional_go" }, "Gate 7 of Tauron: conditional go"],
  ["gate_decided", { number: 6, project: "Tauron", decision: "recycle" }, "Gate 6 of Tauron: recycle"],
  ["golive.signers", { project: "Tauron" }, "Tauron: you are asked to sign the go-live acceptance"],
  ["golive.complete", { project: "Tauron" }, "Tauron: the go-live acceptance is signed by everyone"],
  ["project.live", { project: "Tauron" }, "Tauron is live and handed over to the helpdesk"],
  [
    "quality_below_recommendation",
    { sprint: 3, chosen: "QS1", recommended: "QS3" },
    "Sprint 3 is tested to QS1, below the recommended QS3",
  ],
  [
    "quality_below_recommendation",
    { release: 2, chosen: "QS2", recommended: "QS4" },
    "Release 2 is tested to QS2, below the recommended QS4",
  ],
  ["scope.baseline", { version: 3, project: "Tauron" }, "MVP scope baseline v3 approved for Tauron"],
  ["sprint.review", { number: 4, project: "Tauron" }, "Sprint 4 of Tauron is ready for your acceptance"],
  ["sprint.accept", { number: 4, project: "Tauron" }, "Sprint 4 of Tauron was accepted by the client"],
  ["sprint.reject", { number: 4, project: "Tauron" }, "Sprint 4 of Tauron was rejected by the client"],
  ["status_report.generated", { week: "2026-W49", project: "Tauron" }, "Status report 2026-W49 for Tauron"],
  [
    "validation.opened",
    { environment: "homologation", project: "Tauron" },
    "Tauron: a homologation validation run is open",
  ],
  [
    "validation.closed",
    { environment: "production", status: "failed", project: "Tauron" },
    "Tauron: the production validation run failed",
  ],
];

describe("notification titles", () => {
  it.each(KINDS)("%s renders the English its writer stored: %j", (kind, params, english) => {
    expect(notificationTitle(en, { kind, params, title: "stored" })).toBe(english);
  });

  it.each(KINDS)("%s renders in Spanish and Polish: %j", (kind, params, english) => {
    for (const t of [es, pl]) {
      const title = notificationTitle(t, { kind, params, title: "stored" });
      expect(title).not.toBe(english);
      expect(title).not.toBe("stored");
      expect(title).not.toMatch(/notificationTitle\.|[{}]/);
      // The names the English carries (project, artifact, gate, escalation title, week) are all there.
      for (const key of ["project", "artifact", "name", "title", "week"])
        if (typeof params[key] === "string") expect(title).toContain(params[key]);
    }
  });

  it.each([
    [
      "es",
      es,
      "gate_decided",
      { number: 7, project: "Tauron", decision: "conditional_go" },
      "Puerta 7 de Tauron: aprobada con condiciones",
    ],
    ["pl", pl, "sprint.accept", { number: 4, project: "Tauron" }, "Klient zaakceptował sprint 4 w projekcie Tauron"],
    [
      "pl",
      pl,
      "validation.closed",
      { environment: "production", status: "passed", project: "Tauron" },
      "Tauron: produkcyjna runda walidacji zakończyła się powodzeniem",
    ],
  ] as const)("%s: %s", (_, t, kind, params, expected) => {
    expect(notificationTitle(t, { kind, params, title: "stored" })).toBe(expected);
  });

  it.each([
    ["a row written before params", "gate_submitted", null],
    ["an unknown kind", "something.new", { project: "Tauron" }],
    ["params missing a value", "gate_submitted", { number: 7, project: "Tauron" }],
  ] as const)("%s shows the stored title", (_, kind, params) => {
    const stored = "Gate 7 “Kickoff” of Tauron is ready for your review";
    expect(notificationTitle(es, { kind, params, title: stored })).toBe(stored);
  });
});
