import { spawn } from "node:child_process";
import { distDir, nextBin } from "./build-stamp";

/** Starts `next start` in the foreground, passing signals through. */
export function serve(port: string, onReady?: () => void): void {
  const child = spawn(process.execPath, [nextBin(), "start", "-p", port], {
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
