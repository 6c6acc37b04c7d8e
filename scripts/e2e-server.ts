// The server the Playwright tests drive: the production build, demo data in a fresh folder.
import { rmSync } from "node:fs";
import path from "node:path";
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
serve(process.env.E2E_PORT);
