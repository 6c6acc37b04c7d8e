// `npm run checks`: the static checks (ESLint, tsc, Prettier) and the production build, side by side. ESLint and tsc
// use
// one core each and the build's phases leave cores idle, so together they take about the time of
// the longest instead of the sum. Each one's output is printed whole when it ends, with its time.
// The build is the one the end-to-end and multi-instance tests then reuse (scripts/build-stamp.ts).
import { spawn } from "node:child_process";
import { buildIsCurrent, nextBin, writeBuildStamp } from "./build-stamp";

type Check = { name: string; command: string[]; after?: () => void };

function run(check: Check): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(check.command[0], check.command.slice(1), {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" },
    });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("close", (code) => {
      const ok = code === 0;
      if (ok) check.after?.();
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stdout.write(
        `\n── ${check.name}: ${ok ? "passed" : `FAILED (exit ${code})`} in ${seconds} ` +
          `s\n${Buffer.concat(output).toString()}`,
      );
      resolve(ok);
    });
  });
}

const checks: Check[] = [
  { name: "eslint", command: ["npx", "eslint", "--max-warnings=0", "."] },
  { name: "typecheck (tsc)", command: ["npx", "tsc", "--noEmit"] },
  { name: "format (prettier)", command: ["npx", "prettier", "--check", "--log-level=warn", "."] },
  { name: "line width", command: [process.execPath, "--import", "tsx", "scripts/line-width.ts"] },
];
if (buildIsCurrent()) console.log("The production build is up to date.");
else
  checks.push({
    name: "production build (next build)",
    command: [process.execPath, nextBin(), "build"],
    after: writeBuildStamp,
  });

const results = await Promise.all(checks.map(run));
if (results.includes(false)) process.exit(1);
