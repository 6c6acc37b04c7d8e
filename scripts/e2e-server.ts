// The server the Playwright tests drive: the production build, demo data in a fresh folder.
import { renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startOidcProvider, TEST_CLIENT_ID, TEST_CLIENT_SECRET, TEST_PROVIDER_NAME } from "../e2e/oidc-provider";
import { startSmtpListener, type ReceivedMail } from "../lib/testing/smtp-listener";
import { ensureBuild } from "./build-stamp";
import { prepareData } from "./prepare-data";
import { serve } from "./serve";

const dataDir = path.resolve(process.env.E2E_DATA_DIR || "e2e/.data");
rmSync(dataDir, { recursive: true, force: true });
process.env.LIGHTGATE_DATA_DIR = dataDir;
process.env.LIGHTGATE_MODE = "demo";
// Every API answer of the end-to-end walks is held to its declared schema (lib/contract/answer-check.ts).
process.env.LIGHTGATE_CHECK_ANSWERS = "1";
await prepareData({ demo: true });
ensureBuild();
if (!process.env.E2E_PORT)
  throw new Error("E2E_PORT is set by playwright.config.ts; run the end-to-end tests with `npm run test:e2e`.");
// A real OpenID provider for single sign-on (e2e/single-sign-on.spec.ts), up before the app reads its settings.
const signOn = await startOidcProvider(`http://localhost:${process.env.E2E_PORT}`);
Object.assign(process.env, {
  LIGHTGATE_OIDC_ISSUER: signOn.issuer,
  LIGHTGATE_OIDC_CLIENT_ID: TEST_CLIENT_ID,
  LIGHTGATE_OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
  LIGHTGATE_OIDC_NAME: TEST_PROVIDER_NAME,
  // The specs' webhook receivers listen on this machine.
  LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE: "1",
});
// A real SMTP server the app sends every email to (e2e/email.spec.ts); what it received is kept in
// <data dir>/mail.json, rewritten whole on each message, for the specs to read.
const received: ReceivedMail[] = [];
const mailbox = path.join(dataDir, "mail.json");
const smtp = await startSmtpListener({
  onMessage(mail) {
    received.push(mail);
    writeFileSync(`${mailbox}.tmp`, JSON.stringify(received, null, 2));
    renameSync(`${mailbox}.tmp`, mailbox);
  },
});
Object.assign(process.env, {
  SMTP_URL: smtp.url,
  MAIL_FROM: "Lightgate e2e <no-reply@localhost>",
  // Emailed links are absolute: they name the port the browser uses.
  PORT: process.env.E2E_PORT,
});
serve(process.env.E2E_PORT);
