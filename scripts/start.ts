// `npm start`: production mode. Migrates, never seeds demo data; needs a build (`npm run build`).
import { existsSync } from "node:fs";
import path from "node:path";
import { distDir } from "./build-stamp";
import { prepareData } from "./prepare-data";
import { serve } from "./serve";

process.env.LIGHTGATE_MODE = "production";
if (!existsSync(path.join(distDir(), "BUILD_ID"))) {
  console.error("No build found: run `npm run build` first.");
  process.exit(1);
}
await prepareData({ demo: false });
const port = process.env.PORT || "3000";
serve(port, () => console.log(`Lightgate is running at http://localhost:${port}`));
