import { spawn } from "node:child_process";
import { distDir, nextBin } from "./build-stamp";

/**
 * Node flags of the production server: a bounded old generation keeps the resident set of a
 * busy server small (the app holds no large caches; SQLite's page cache lives outside the heap).
 */
export const SERVER_NODE_FLAGS = [`--max-old-space-size=${process.env.LIGHTGATE_MAX_OLD_SPACE_MB || 192}`];

/** Starts `next start` in the foreground, passing signals through. */
export function serve(port: string, onReady?: () => void): void {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, nextBin(), "start", "-p", port], {
    stdio: ["inherit", "pipe", "inherit"],
    env: { ...process.env, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir() },
  });
  let announced = false;
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server/i.test(chunk.toString())) {
      announced = true;
      onReady?.();
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}
