// `npm run audit:verify [-- --head <seq>:<hash> …] [--public-key <file.pem>]`: checks the audit
// trail of the database (DATABASE_URL, or the SQLite file at LIGHTGATE_DATA_DIR / LIGHTGATE_DATABASE):
// the hash chain event by event, then the newest signed checkpoint (signed by the installation's key
// from the data folder or LIGHTGATE_AUDIT_SIGNING_KEY, or by the key in --public-key, and the chain
// leads to it), then every head given with --head (from a status report or a go-live certificate),
// which proves later history was not cut. Exits 0 when all holds, 1 naming each gap, 2 when the
// database or the key cannot be read or the arguments are wrong.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { closeDatabase, type Db } from "@/db/client";
import { existingAuditSigningKey, verifyAuditTrail } from "@/lib/data/audit-checkpoints";
import { describeVerdict } from "@/lib/data/backup";
import { type ChainHead, parseHead, publicKeyFingerprint, publicKeyFromPem } from "@/lib/domain/audit-checkpoint";
import { commandTarget, openCommandDatabase } from "./database";

export type VerifyArguments = { heads: ChainHead[]; publicKeyFile: string | null };

/** The command's arguments, or the line that says what is wrong with them. */
export function parseVerifyArguments(argv: string[]): VerifyArguments | { error: string } {
  const heads: ChainHead[] = [];
  let publicKeyFile: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = inline ?? argv[++i];
    if (flag === "--head") {
      const head = value === undefined ? null : parseHead(value);
      if (!head)
        return { error: `--head takes <seq>:<sha-256 hash in hex>, e.g. 4174:9f2c…; got ${value ?? "nothing"}` };
      heads.push(head);
    } else if (flag === "--public-key" && value) publicKeyFile = value;
    else return { error: `Unknown argument ${argv[i]}; use --head <seq>:<hash> and --public-key <file.pem>` };
  }
  return { heads, publicKeyFile };
}

/** Verifies an open database and prints the report; returns the exit code. */
export async function verifyAndReport(db: Db, label: string, args: VerifyArguments): Promise<number> {
  let key;
  try {
    if (args.publicKeyFile) {
      const publicKey = publicKeyFromPem(readFileSync(args.publicKeyFile, "utf8"));
      key = { publicKey, fingerprint: publicKeyFingerprint(publicKey) };
    } else key = existingAuditSigningKey();
  } catch (error) {
    console.error(`Cannot read the audit signing key: ${(error as Error).message}`);
    return 2;
  }
  const verdict = await verifyAuditTrail(db, key, args.heads);
  console.log(`Database: ${label}`);
  console.log(describeVerdict(verdict.chain));
  console.log(`Signing key: ${key.fingerprint}`);
  const cp = verdict.checkpoint;
  console.log(cp ? `Newest signed checkpoint: #${cp.seq} ${cp.hash} at ${cp.at}` : "No signed checkpoint.");
  for (const head of args.heads) console.log(`Published head to check: #${head.seq} ${head.hash}`);
  if (verdict.ok) {
    console.log("Audit trail verified: the chain leads to the newest signed checkpoint and to every head given.");
    return 0;
  }
  for (const problem of verdict.problems) console.log(`FAILED: ${problem}`);
  return 1;
}

async function main(): Promise<number> {
  const args = parseVerifyArguments(process.argv.slice(2));
  if ("error" in args) {
    console.error(args.error);
    return 2;
  }
  const target = commandTarget();
  let db: Db | null = null;
  try {
    db = await openCommandDatabase(target);
    return await verifyAndReport(db, target.display, args);
  } catch (error) {
    console.error(`Could not verify ${target.display}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    if (db) await closeDatabase(db);
  }
}

// Run as the command, not when a test imports the functions above.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exit(await main());
}
