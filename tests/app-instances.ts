// Production instances of the app for the tests that need real server processes (several on one
// PostgreSQL, killed with SIGKILL, restarted): each is `scripts/demo.ts` in its own process group.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const STARTUP_MS = 240_000;

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });

export type Instance = { name: string; port: number; child: ChildProcess; output: string[]; dataDir: string };

/** Starts `scripts/demo.ts` on `port` with `env` (its data folder is new unless `dataDir` is given). */
export function startInstance(name: string, port: number, env: NodeJS.ProcessEnv, dataDir?: string): Instance {
  const folder = dataDir ?? mkdtempSync(path.join(tmpdir(), `lightgate-${name}-`));
  // Its own process group: the instance is scripts/demo.ts AND the `next start` it spawns, and
  // a SIGKILL must take down both (a killed parent alone would leave the server answering).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/demo.ts"], {
    env: { ...env, PORT: String(port), LIGHTGATE_DATA_DIR: folder },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return { name, port, child, output, dataDir: folder };
}

/** SIGKILL to the instance's whole process group. */
export function kill(instance: Instance) {
  try {
    process.kill(-instance.child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

/** Waits until the instance answers its health check. */
export async function healthy(instance: Instance) {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null) throw new Error(`${instance.name} exited:\n${instance.output.join("")}`);
    try {
      const response = await fetch(`http://localhost:${instance.port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${instance.name} did not become healthy:\n${instance.output.join("")}`);
}

/** A personal API token of the account, made by `npm run token` against the instances' database. */
export async function tokenFor(email: string, env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/token.ts", email, "instance test"], {
    env,
  });
  return stdout.trim().split("\n").at(-1)!.trim();
}
