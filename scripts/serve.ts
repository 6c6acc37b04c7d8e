import { spawn } from "node:child_process";
import { constants } from "node:os";
import { distDir, nextBin } from "./build-stamp";

/**
 * Node flags of the production server: a bounded old generation keeps the resident set of a
 * busy server small (the app holds no large caches; SQLite's page cache lives outside the heap).
 */
export const SERVER_NODE_FLAGS = [`--max-old-space-size=${process.env.LIGHTGATE_MAX_OLD_SPACE_MB || 192}`];

/**
 * How long an idle keep-alive connection stays open (ms). Node's default of 5 s races any client
 * that reuses a connection after a pause: the server closes it as the client writes, and the
 * request dies with ECONNRESET (seen in CI from Playwright's API client). 65 s outlasts the clients
 * and the load balancers in front (their idle timeouts are typically 60 s), so the client closes first.
 */
const KEEP_ALIVE_MS = "65000";

/** How long a stopping server may take to finish the requests in flight before it is killed. */
export function drainSeconds(): number {
  const value = Number(process.env.LIGHTGATE_DRAIN_SECONDS || 25);
  return Number.isFinite(value) && value > 0 ? value : 25;
}

/**
 * Starts `next start` in the foreground. SIGTERM or SIGINT drains: `next start` stops accepting
 * connections at once, answers every request already in flight, then exits. A request that
 * outlives LIGHTGATE_DRAIN_SECONDS is cut off (SIGKILL) so a stuck request cannot block a
 * rollout. The wrapper exits with the server's code (143 after SIGTERM, as `next start` does).
 */
export function serve(port: string, onReady?: () => void): void {
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, nextBin(), "start", "-p", port, "--keepAliveTimeout", KEEP_ALIVE_MS],
    {
      stdio: ["inherit", "pipe", "inherit"],
      env: {
        ...process.env,
        // The public URL pins Auth.js's own (and with https, its __Secure- cookies) when AUTH_URL is unset.
        AUTH_URL: process.env.AUTH_URL || process.env.LIGHTGATE_PUBLIC_URL?.trim() || undefined,
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: distDir(),
      },
    },
  );
  let announced = false;
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server/i.test(chunk.toString())) {
      announced = true;
      onReady?.();
    }
  });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const seconds = drainSeconds();
      console.log(`${signal}: finishing the requests in flight (at most ${seconds} s), then stopping.`);
      child.kill(signal);
      setTimeout(() => {
        console.error(`Requests still in flight after ${seconds} s: stopping the server now.`);
        child.kill("SIGKILL");
      }, seconds * 1000).unref();
    });
  }
  child.on("exit", (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
}
