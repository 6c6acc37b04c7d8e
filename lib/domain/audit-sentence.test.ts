import { describe, expect, it } from "vitest";
import { auditChanges, describeAuditEvent, fieldLabel, sentenceText, type AuditSentenceInput } from "./audit-sentence";

const paula = (
  rest: Partial<AuditSentenceInput> & Pick<AuditSentenceInput, "action" | "objectType">,
): AuditSentenceInput => ({
  before: null,
  after: null,
  ...rest,
  names: { actor: "Paula Martins", object: null, ...rest.names },
});

describe("an audit event in a person's words", () => {
  it.each<[string, AuditSentenceInput, string]>([
    [
      "approval of an artifact, on the admin trail",
      paula({
        action: "artifact.approve",
        objectType: "artifact",
        names: { actor: "Paula Martins", object: "Statement of Work", gate: 7, project: "Stadtwerke tariffs" },
      }),
      "Paula Martins approved Statement of Work on gate 7 of Stadtwerke tariffs",
    ],
    [
      "the same on the project's own trail (no project named)",
      paula({
        action: "artifact.approve",
        objectType: "artifact",
        names: { actor: "Paula Martins", object: "Statement of Work", gate: 7 },
      }),
      "Paula Martins approved Statement of Work on gate 7",
    ],
    [
      "a new artifact version names its number",
      paula({
        action: "artifact.version.add",
        objectType: "artifact",
        after: { version: 3 },
        names: { actor: "Paula Martins", object: "Release roadmap", gate: 6 },
      }),
      "Paula Martins added version 3 of Release roadmap on gate 6",
    ],
    [
      "a vote reads its value",
      paula({
        action: "gate.vote",
        objectType: "gate",
        after: { vote: "conditional_go" },
        names: { actor: "Paula Martins", object: "Kickoff", gate: 7 },
      }),
      "Paula Martins voted conditional go on gate 7",
    ],
    [
      "a gate submission",
      paula({ action: "gate.submit", objectType: "gate", names: { actor: "Paula Martins", object: null, gate: 5 } }),
      "Paula Martins submitted gate 5 for review",
    ],
    [
      "a decision",
      paula({
        action: "gate.decide",
        objectType: "gate",
        after: { decision: "go" },
        names: { actor: "Paula Martins", object: null, gate: 4 },
      }),
      "Paula Martins decided go on gate 4",
    ],
    [
      "a project edit does not name the project twice",
      paula({
        action: "project.update",
        objectType: "project",
        names: { actor: "Paula Martins", object: "Stadtwerke tariffs", project: "Stadtwerke tariffs" },
      }),
      "Paula Martins edited Stadtwerke tariffs",
    ],
    [
      "a sprint acceptance",
      paula({ action: "sprint.accept", objectType: "sprint", names: { actor: "Jonas Weber", object: "Sprint 3" } }),
      "Jonas Weber accepted Sprint 3",
    ],
    [
      "a one-of-a-kind object uses its noun",
      paula({
        action: "go_live_acceptance.sign",
        objectType: "go_live_acceptance",
        names: { actor: "Jonas Weber", object: "whatever" },
      }),
      "Jonas Weber signed the go-live acceptance",
    ],
    [
      "a deleted object falls back to its noun",
      paula({ action: "interface.delete", objectType: "interface", names: { actor: "Paula Martins", object: null } }),
      "Paula Martins deleted the interface",
    ],
    [
      "a deleted object keeps the title it was recorded with",
      paula({
        action: "interface.delete",
        objectType: "interface",
        before: { name: "Meter reads" },
        names: { actor: "Paula Martins", object: null },
      }),
      "Paula Martins deleted the interface Meter reads",
    ],
    [
      "an untitled object without a type word uses its noun",
      paula({ action: "sprint.accept", objectType: "sprint", names: { actor: "Jonas Weber", object: null } }),
      "Jonas Weber accepted a sprint",
    ],
    [
      "the system acts without a name",
      paula({
        action: "status_report.generate",
        objectType: "status_report",
        names: { actor: null, object: "week of 23 Nov 2026" },
      }),
      "The system generated the status report week of 23 Nov 2026",
    ],
    [
      "a validation result names the scenario",
      paula({
        action: "validation_scenario.record",
        objectType: "validation_run",
        after: { result: "fail", title: "Move-in" },
        names: { actor: "Lena Kraft", object: "homologation run" },
      }),
      "Lena Kraft recorded fail for “Move-in” in homologation run",
    ],
    [
      "an action not in the table still reads",
      paula({ action: "user.invitation.send", objectType: "user", names: { actor: "Ada Admin", object: "Tom Neu" } }),
      "Ada Admin did “user invitation send” on Tom Neu",
    ],
    [
      "an unknown object type",
      paula({ action: "thing.poke", objectType: "thing_part", names: { actor: "Ada Admin", object: null } }),
      "Ada Admin did “thing poke” on a thing part",
    ],
  ])("%s", (_, input, expected) => {
    expect(sentenceText(describeAuditEvent(input))).toBe(expected);
  });

  it("marks titles for emphasis, and nothing else", () => {
    const parts = describeAuditEvent(
      paula({
        action: "artifact.approve",
        objectType: "artifact",
        names: { actor: "Paula Martins", object: "Statement of Work", gate: 7, project: "Stadtwerke tariffs" },
      }),
    );
    expect(parts).toEqual([
      { text: "Paula Martins approved " },
      { text: "Statement of Work", emphasis: true },
      { text: " on gate 7 of " },
      { text: "Stadtwerke tariffs", emphasis: true },
    ]);
  });
});

describe("before and after as a readable diff", () => {
  it.each<[string, unknown, unknown, ReturnType<typeof auditChanges>]>([
    [
      "a changed status",
      { status: "active" },
      { status: "on_hold" },
      [{ field: "status", label: "Status", from: "active", to: "on hold" }],
    ],
    [
      "unchanged fields are left out",
      { status: "active", name: "A" },
      { status: "active", name: "B" },
      [{ field: "name", label: "Name", from: "A", to: "B" }],
    ],
    [
      "a creation has no old value",
      null,
      { targetGoLiveDate: "2027-01-31", blocking: true },
      [
        { field: "targetGoLiveDate", label: "Target go-live date", from: null, to: "2027-01-31" },
        { field: "blocking", label: "Blocking", from: null, to: "yes" },
      ],
    ],
    ["a removed field has no new value", { note: "x" }, {}, [{ field: "note", label: "Note", from: "x", to: null }]],
    [
      "lists and nested values",
      { modules: ["billing"] },
      { modules: ["billing", "crm"], conditions: [{ text: "a" }] },
      [
        { field: "modules", label: "Modules", from: "billing", to: "billing, crm" },
        { field: "conditions", label: "Conditions", from: null, to: "1 item" },
      ],
    ],
    ["empty and null values", { owner: "" }, { owner: null }, [{ field: "owner", label: "Owner", from: "—", to: "—" }]],
    ["nothing to show", null, null, []],
  ])("%s", (_, before, after, expected) => {
    expect(auditChanges(before, after)).toEqual(expected);
  });

  it.each([
    ["statementSha256", "Statement SHA-256"],
    ["ownerId", "Owner ID"],
    ["internal_notes", "Internal notes"],
  ])("labels %s as %s", (key, label) => {
    expect(fieldLabel(key)).toBe(label);
  });
});
