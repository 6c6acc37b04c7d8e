import { describe, expect, it } from "vitest";
import { certificateMarkdown, type CertificateFacts } from "@/lib/domain/go-live-certificate";

const base: CertificateFacts = {
  projectName: "Nordlicht rollout",
  acceptanceId: "acc-1",
  statement: "We accept the platform.",
  statementSha256: "a".repeat(64),
  completedAt: "2026-11-29T10:00:00.000Z",
  signOffs: [
    {
      name: "Olga Owner",
      email: "owner@example.test",
      capacity: "client_owner",
      signedAt: "2026-11-29T09:00:00.000Z",
      statementSha256: "a".repeat(64),
    },
    {
      name: "Gus Guardian",
      email: "guardian@example.test",
      capacity: "guardian",
      signedAt: "2026-11-29T10:00:00.000Z",
      statementSha256: "a".repeat(64),
    },
  ],
  certificateHref: "/projects/p1/go-live/certificate",
  auditHead: null,
};

const head = {
  seq: 42,
  hash: "c".repeat(64),
  at: "2026-11-29T10:00:01.000Z",
  signature: "c2ln",
  keyFingerprint: "f".repeat(64),
};

describe("certificateMarkdown", () => {
  it("has no audit head section when the chain has no events", () => {
    expect(certificateMarkdown(base)).not.toContain("Audit head at signing");
  });

  it.each([
    ["the statement, quoted", base, ["> We accept the platform."]],
    ["the statement's hash", base, [`SHA-256 of the statement: \`${"a".repeat(64)}\``]],
    ["the acceptance id", base, ["Acceptance `acc-1`"]],
    [
      "every sign-off with who and when",
      base,
      [
        "| Olga Owner | owner@example.test | Client product owner | 2026-11-29T09:00:00.000Z |",
        "| Gus Guardian | guardian@example.test | Guardian | 2026-11-29T10:00:00.000Z |",
      ],
    ],
    [
      "the link to the certificate page",
      base,
      ["[/projects/p1/go-live/certificate](/projects/p1/go-live/certificate)"],
    ],
    [
      "a multi-line statement quoted on every line",
      { ...base, statement: "Line one.\n\nLine two." },
      ["> Line one.\n>\n> Line two."],
    ],
    [
      "pipes in a name escaped so the table holds",
      { ...base, signOffs: [{ ...base.signOffs[0], name: "A | B" }] },
      ["| A \\| B | owner@example.test |"],
    ],
    [
      "the audit head at signing, signed, with the command that checks it",
      { ...base, auditHead: head },
      [
        "## Audit head at signing",
        `- Event #42, hash \`${"c".repeat(64)}\``,
        `key whose SHA-256 fingerprint is \`${"f".repeat(64)}\``,
        "- Ed25519 signature: `c2ln`",
        `npm run audit:verify -- --head 42:${"c".repeat(64)}`,
      ],
    ],
  ])("holds %s", (_label, facts, expected) => {
    const markdown = certificateMarkdown(facts);
    for (const text of expected) expect(markdown).toContain(text);
  });
});
