// The bench's instruments: autocannon against one route, the resident set of every process of
// the server's tree, and the machine's load average while it runs.
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";

export type Row = {
  key: string;
  route: string;
  write: boolean;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bytes: number;
  statuses: Record<string, number>;
};

export type LoadOptions = {
  base: string;
  connections: number;
  seconds: number;
  paths: string[];
  headers?: Record<string, string>;
  method?: string;
  body?: (i: number) => string;
};

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Drives one route for `seconds` with `connections`, cycling through `paths`. Any status ≥ 400 is an error. */
export async function load(key: string, route: string, options: LoadOptions): Promise<Row> {
  let i = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  const instance = autocannon({
    url: options.base,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? "GET",
    headers: { ...(options.body ? { "content-type": "application/json" } : {}), ...options.headers },
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const n = i++;
          return {
            ...request,
            path: options.paths[n % options.paths.length],
            ...(options.body ? { body: options.body(n) } : {}),
          };
        },
      },
    ],
  });
  instance.on("response", (_client, statusCode, resBytes, responseTime) => {
    latencies.push(responseTime);
    bytes += resBytes;
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode >= 400) errors++;
  });
  const result = (await instance) as { errors: number; timeouts: number; duration: number };
  latencies.sort((a, b) => a - b);
  return {
    key,
    route,
    write: (options.method ?? "GET") !== "GET",
    requests: latencies.length,
    rps: latencies.length / (result.duration || options.seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors + result.timeouts,
    // Mean response size (headers and body as sent): what the page costs to render and send.
    bytes: latencies.length ? bytes / latencies.length : 0,
    statuses,
  };
}

function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** The process and its descendants (`next start` may fork workers). */
function processTree(pid: number): number[] {
  const found = [pid];
  for (let k = 0; k < found.length; k++) {
    try {
      for (const task of readdirSync(`/proc/${found[k]}/task`)) {
        const children = readFileSync(`/proc/${found[k]}/task/${task}/children`, "utf8").trim();
        if (children) found.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between two reads
    }
  }
  return found;
}

/** Samples, every 200 ms, each server process's resident set and the 1-minute load average. */
export function startSampler(serverPid: number) {
  const peakRss = new Map<number, number>();
  let peakLoad = 0;
  const sample = () => {
    for (const pid of processTree(serverPid)) peakRss.set(pid, Math.max(peakRss.get(pid) ?? 0, rssOf(pid)));
    peakLoad = Math.max(peakLoad, os.loadavg()[0]);
  };
  const timer = setInterval(sample, 200);
  const loadAtStart = os.loadavg()[0];
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        peakRssPerProcess: Math.max(0, ...peakRss.values()),
        processes: peakRss.size,
        loadAtStart,
        loadAtEnd: os.loadavg()[0],
        peakLoad,
      };
    },
  };
}

export type Sample = ReturnType<ReturnType<typeof startSampler>["stop"]>;
