// `npm run dev`: the demo data with hot reload.
import { spawn } from "node:child_process";
import { nextBin } from "./build-stamp";
import { prepareData } from "./prepare-data";

process.env.LIGHTGATE_MODE = "demo";
await prepareData({ demo: true });
const child = spawn(process.execPath, [nextBin(), "dev", "-p", process.env.PORT || "3000"], {
  stdio: "inherit",
  env: { ...process.env, AUTH_TRUST_HOST: "true" },
});
child.on("exit", (code) => process.exit(code ?? 0));
