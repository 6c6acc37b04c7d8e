// One HTTP POST of a webhook delivery, guarded: the address actually connected to must be allowed
// (checked in the name lookup and again on the connected socket, so a name that resolved to a
// public address at registration and to a private one now, DNS rebinding, is refused), no redirect
// is followed, the whole exchange has a 10-second limit and at most a few KB of the answer is read.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { addressAllowed } from "@/lib/domain/webhook-address";

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** What is kept of an answer's body: enough for an error message, never a download. */
export const ANSWER_BYTES = 4096;

export type PostResult =
  | { kind: "answered"; statusCode: number; durationMs: number; body: string; location?: string }
  | { kind: "failed"; durationMs: number; error: string };

export class RefusedAddress extends Error {
  override name = "RefusedAddress";
  constructor(readonly address: string) {
    super(`refused address ${address}: private and local networks are not reached`);
  }
}

/** A lookup that resolves every address of a name and refuses the name if one of them is refused. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return ((hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      const refused = addresses.find((a) => !addressAllowed(a.address, allowPrivate));
      if (refused || !addresses.length) return callback(new RefusedAddress(refused?.address ?? hostname));
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  }) as LookupFunction;
}

/** POSTs a body; never throws: a refused address, a timeout or a network error is a failed result. */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivate: boolean; timeoutMs?: number },
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = new URL(url);
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !addressAllowed(literal, options.allowPrivate)) {
    return Promise.resolve({ kind: "failed", durationMs: 0, error: new RefusedAddress(literal).message });
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(target, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup: guardedLookup(options.allowPrivate),
      // A fresh connection per delivery: a pooled socket would skip the address check.
      agent: false,
    });
    const timer = setTimeout(() => {
      request.destroy(new Error(`timed out after ${(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s`));
    }, options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
    request.on("socket", (socket) => {
      socket.on("connect", () => {
        const address = socket.remoteAddress;
        if (!address || !addressAllowed(address, options.allowPrivate)) {
          request.destroy(new RefusedAddress(address ?? "unknown"));
        }
      });
    });
    request.on("error", (error) => settle({ kind: "failed", durationMs: elapsed(), error: error.message }));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const finish = () => {
        settle({
          kind: "answered",
          statusCode: response.statusCode ?? 0,
          durationMs: elapsed(),
          body: Buffer.concat(chunks).toString("utf8"),
          ...(response.headers.location ? { location: response.headers.location } : {}),
        });
        response.destroy();
      };
      response.on("data", (chunk: Buffer) => {
        if (kept >= ANSWER_BYTES) return;
        chunks.push(chunk.subarray(0, ANSWER_BYTES - kept));
        kept += Math.min(chunk.length, ANSWER_BYTES - kept);
        if (kept >= ANSWER_BYTES) finish();
      });
      response.on("end", finish);
      response.on("error", finish);
    });
    request.end(body);
  });
}
