// The go-live acceptance certificate as markdown, filed as a version of the policy's
// "go-live acceptance" artifact when the last required signer signs (DESIGN.md §3 "Go-live").
// Pure: lib/data/go-live-certificate.ts reads the sign-offs and writes the version.
import { formatHead, type SignedHead } from "./audit-checkpoint";

/** The artifact type the certificate is filed under, whichever gate of the policy holds it. */
export const GO_LIVE_ACCEPTANCE_ARTIFACT = "go_live_acceptance";

export type CertificateSignOff = {
  name: string;
  email: string;
  capacity: string;
  signedAt: string;
  statementSha256: string;
};

export type CertificateFacts = {
  projectName: string;
  acceptanceId: string;
  statement: string;
  statementSha256: string;
  completedAt: string;
  signOffs: CertificateSignOff[];
  certificateHref: string;
  /** The signed audit head when the last signer signed; null on a chain with no events. */
  auditHead: SignedHead | null;
};

const CAPACITY: Record<string, string> = { client_owner: "Client product owner", guardian: "Guardian" };

/** Table cells hold user text: pipes and line breaks would break the table. */
const cell = (text: string) =>
  text
    .replaceAll("\\", "\\\\")
    .replaceAll("|", "\\|")
    .replace(/\s*\n\s*/g, " ");

/** The statement is quoted line by line so it reads exactly as it was signed. */
const quote = (text: string) =>
  text
    .split("\n")
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");

export function certificateMarkdown(facts: CertificateFacts): string {
  const rows = facts.signOffs.map(
    (s) =>
      `| ${cell(s.name)} | ${cell(s.email)} | ${CAPACITY[s.capacity] ?? cell(s.capacity)} | ${s.signedAt} | ` +
      `\`${s.statementSha256}\` |`,
  );
  return [
    `# Go-live acceptance certificate — ${facts.projectName}`,
    "",
    `Acceptance \`${facts.acceptanceId}\`, complete since ${facts.completedAt} (UTC).`,
    "",
    "## Signed statement",
    "",
    quote(facts.statement),
    "",
    `SHA-256 of the statement: \`${facts.statementSha256}\``,
    "",
    "## Sign-offs",
    "",
    "| Signer | Email | Capacity | Signed at (UTC) | Statement SHA-256 |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    `Each signer re-entered their password to sign. The certificate with the audit-trail position of every ` +
      `sign-off: [${facts.certificateHref}](${facts.certificateHref})`,
    "",
    ...auditHeadAtSigning(facts.auditHead),
  ].join("\n");
}

/**
 * The audit head at signing, signed with the installation's key: whoever holds the certificate can
 * later prove no history after it was cut (`npm run audit:verify -- --head <seq>:<hash>`).
 */
function auditHeadAtSigning(head: SignedHead | null): string[] {
  if (!head) return [];
  return [
    "## Audit head at signing",
    "",
    `- Event #${head.seq}, hash \`${head.hash}\``,
    `- Signed ${head.at} (UTC) with the key whose SHA-256 fingerprint is \`${head.keyFingerprint}\``,
    `- Ed25519 signature: \`${head.signature}\``,
    `- To check it: \`npm run audit:verify -- --head ${formatHead(head)}\``,
    "",
  ];
}
