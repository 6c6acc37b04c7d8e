// A second Lightgate server on an empty install, started by a spec itself: production mode, a
// fresh data folder, the first administrator created by `npm run admin:create`'s own script,
// and the production build the main e2e server already made (.next is shared).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");

export type EmptyInstall = { baseURL: string; adminEmail: string; adminPassword: string; stop: () => void };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startEmptyInstall(options: { adminEmail: string; adminPassword: string }): Promise<EmptyInstall> {
  const dataDir = path.resolve(`e2e/.data-empty-${process.env.E2E_PORT || 3100}`);
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const env = {
    ...process.env,
    LIGHTGATE_DATA_DIR: dataDir,
    LIGHTGATE_MODE: "production",
    LIGHTGATE_ADMIN_PASSWORD: options.adminPassword,
    PORT: String(port),
  };
  const created = spawnSync(
    process.execPath,
    [TSX, "scripts/admin-create.ts", options.adminEmail, "First", "Administrator"],
    { env, encoding: "utf8" },
  );
  if (created.status !== 0) throw new Error(`admin:create failed: ${created.stderr || created.stdout}`);

  // Its own process group, so stopping it also stops the `next start` it runs.
  const server: ChildProcess = spawn(process.execPath, [TSX, "scripts/start.ts"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Lightgate is running at")) resolve();
    };
    server.stdout!.on("data", onData);
    server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.once("exit", (code) => reject(new Error(`The empty-install server exited (${code}):\n${output}`)));
  });
  return {
    baseURL: `http://localhost:${port}`,
    adminEmail: options.adminEmail,
    adminPassword: options.adminPassword,
    stop: () => {
      if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    },
  };
}
